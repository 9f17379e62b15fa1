-- wrk script for bench_hub_page.py: each connection is one viewer after another, each doing
-- GET /j/J1 (the cookie and the CSRF token) then POST /j/J1 with a distinct phone.
-- Run with as many threads as connections (-t N -c N): the state below is per thread.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } hd_timespec;
  int clock_gettime(int clk, hd_timespec *tp);
]]
local ts = ffi.new("hd_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local state, cookie, token, started, n, base, origin
signups, failures, latencies = 0, 0, {}

function init(args)
  base = tonumber(args[1] or "0")
  state, n = "get", 0
  origin = "http://" .. wrk.host .. ":" .. wrk.port
end

function request()
  if state == "get" then
    started = now_ms()
    return wrk.format("GET", "/j/J1?s=BENCH&d=bench-device")
  end
  n = n + 1
  local phone = string.format("13%d%02d%06d", 9 - base, id, n)
  local body = "name=%E5%BC%A0%E4%B8%89&phone=" .. phone .. "&age=25&expected_city=&consent=yes"
    .. "&s=BENCH&d=bench-device&website=&csrf=" .. token
  return wrk.format("POST", "/j/J1", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["Cookie"] = "hd_v=" .. cookie,
  }, body)
end

function response(status, headers, body)
  if state == "get" then
    local set = headers["set-cookie"] or headers["Set-Cookie"] or ""
    cookie = string.match(set, "hd_v=([^;]+)")
    token = string.match(body, 'name="csrf" value="([^"]+)"')
    if status == 200 and cookie and token then
      state = "post"
    else
      failures = failures + 1
    end
    return
  end
  state = "get"
  if status == 303 then
    signups = signups + 1
    latencies[#latencies + 1] = now_ms() - started
  else
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local all, total_signups, total_failures = {}, 0, 0
  for _, thread in ipairs(threads) do
    total_signups = total_signups + thread:get("signups")
    total_failures = total_failures + thread:get("failures")
    for _, ms in ipairs(thread:get("latencies")) do all[#all + 1] = ms end
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return -1 end
    return all[math.max(1, math.ceil(p / 100 * #all))]
  end
  io.write(string.format(
    "RESULT signups=%d failures=%d requests=%d errors=%d seconds=%.3f "
      .. "p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    total_signups, total_failures, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    summary.duration / 1e6, pct(50), pct(95), pct(99), pct(100)))
end
