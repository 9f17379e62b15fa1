"""The pull tests' hub process: a port taken before the hub binds it is not a failed test."""

from __future__ import annotations

import socket

import requests

from tests.sync.pull_hub import HubProcess


def test_a_port_taken_meanwhile_moves_the_hub_and_a_restart_keeps_its_port(tmp_path):
    hub = HubProcess(tmp_path / "hub")
    asked = hub.port
    with socket.socket() as other:  # another worker's server got there first
        other.bind(("127.0.0.1", asked))
        other.listen()
        try:
            hub.start()
            assert hub.port != asked and hub.url.endswith(f":{hub.port}")
            assert requests.get(hub.url + "/healthz", timeout=5).status_code == 200
            moved = hub.port
            hub.stop()
            hub.start()  # the desktop holds the URL: a restart listens where it did
            assert hub.port == moved
        finally:
            hub.stop()
