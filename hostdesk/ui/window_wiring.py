"""The host console window's signal relays: which part's signal reaches which slot."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hostdesk.ui.main_window import MainWindow


def wire(win: MainWindow) -> None:
    """Every signal of the window's parts to the part or the window slot that acts on it."""
    panel, rundown, console = win.catalogue_panel, win.rundown_panel, win.console
    panel.job_activated.connect(win._on_catalogue_job_activated)
    panel.current_job_changed.connect(win._on_catalogue_current_changed)
    panel.filters_changed.connect(win._update_counts)
    rundown.job_chosen.connect(console.cue)
    rundown.model.rundown_changed.connect(win._on_rundown_changed)
    rundown.rotate_toggled.connect(win._on_rotate_toggled)
    rundown.rotate_seconds_changed.connect(win._on_rotate_seconds_changed)
    win.take_button.clicked.connect(console.take_cued)
    win.clear_button.clicked.connect(console.clear)
    win.session_bar.loaded.connect(win._on_session_loaded)
    win.session_bar.changed.connect(win._on_session_changed)
    win.session_bar.ended.connect(lambda session: win.open_show_report(session.id))
    win.session_bar.failed.connect(win._on_console_refused)
    console.cued.connect(win._on_console_cued)
    console.taken.connect(win._on_console_taken)
    console.take_acknowledged.connect(win._show_take_answer)
    console.take_unanswered.connect(win._show_take_answer)
    win.obs.relay.status_changed.connect(win._show_take_answer)  # lost while waiting
    console.cleared.connect(win._on_console_cleared)
    console.refused.connect(win._on_console_refused)
    console.warned.connect(win._on_console_refused)
    console.rotation_changed.connect(win._on_console_rotation_changed)
    console.countdown_changed.connect(rundown.show_countdown)
    console.counter_updated.connect(win._on_console_counter_updated)
    win.counter_box.toggled.connect(win._on_counter_box_toggled)
    win.obs.canvas_changed.connect(win._on_obs_canvas_changed)
    win.obs.look_shown.connect(lambda: win._show_link(win.console.on_air_code))
    win.obs.look_sent.connect(win.console.watch_answer)
    win.obs.failed.connect(win._on_console_refused)
    win.sync.failed.connect(win._on_console_refused)
    win.sync.catalogue_pulled.connect(win.load_catalogue)
    win.sync.device_named.connect(win._on_device_named)
    win.sync.withdrawn_changed.connect(win.withdrawn_banner.show_jobs)
    win.withdrawn_banner.decided.connect(win.sync.decide_withdrawn)
    console.counter_live.connect(win.sync.pull_often)
    win.sync.registrations_pulled.connect(win.registration_panel.recent.refresh)
    # An edit's 待同步 turns 已同步 when the hub acks it, not at the next save.
    win.sync.registrations_settled.connect(win.registration_panel.recent.refresh)
    win.registration_panel.form.saved.connect(lambda _reg: win.sync.notify())
    # A take or a clear wrote its on-air event to the outbox: sent now, not at the next poll.
    console.taken.connect(lambda *_a: win.sync.notify())
    console.cleared.connect(win.sync.notify)
    # A new sign-up here or from the hub: the counter on air counts it at once.
    win.sync.registrations_pulled.connect(lambda *_a: console.refresh_counter())
    win.registration_panel.form.saved.connect(lambda _reg: console.refresh_counter())
    wire_registrations(win)


def wire_registrations(win: MainWindow) -> None:
    """The sign-up panel follows the catalogue, the show and the job on air."""
    panel = win.registration_panel
    win.catalogue_loaded.connect(lambda _n: panel.set_jobs(list(win.console.jobs.values())))
    win.session_loaded.connect(panel.set_session)
    win.session_bar.changed.connect(lambda session: panel.set_session(session.id))
    win.console.taken.connect(lambda code, _image: panel.set_on_air(code))
    win.console.cleared.connect(lambda: panel.set_on_air(""))
    win.console.restored.connect(panel.restore_on_air)
    panel.failed.connect(win._on_console_refused)
