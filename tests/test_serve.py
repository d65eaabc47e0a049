"""`briefing-tui serve` for real: a server on loopback, a headless Chromium page, the app's text arriving.

The browser terminal draws on a canvas, so the test records what the page's WebSocket
receives (through the DevTools protocol) and looks for the app's content in it.
Skips cleanly when Chromium or the web extra is absent.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PACK

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.skipif(
        __import__("importlib.util").util.find_spec("textual_serve") is None, reason="the web extra is not installed"
    ),
]

RECORDER = """
(() => {
  window.__frames = [];
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener('message', async (event) => {
      let data = event.data;
      if (data instanceof Blob) data = await data.text();
      else if (data instanceof ArrayBuffer) data = new TextDecoder().decode(data);
      window.__frames.push(String(data));
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listening on {port}")


async def received_text(page_url: str, devtools_port: int, needle: str, timeout: float = 45) -> str:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{devtools_port}/json/list") as response:
            targets = await response.json(content_type=None)
        page = next(target for target in targets if target.get("type") == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            counter = 0

            async def call(method: str, **params):
                nonlocal counter
                counter += 1
                await ws.send_str(json.dumps({"id": counter, "method": method, "params": params}))
                while True:
                    message = json.loads((await ws.receive()).data)
                    if message.get("id") == counter:
                        return message.get("result", {})

            await call("Page.enable")
            await call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
            await call("Page.navigate", url=page_url)
            deadline = time.monotonic() + timeout
            text = ""
            while time.monotonic() < deadline:
                result = await call("Runtime.evaluate", expression="(window.__frames || []).join('')")
                text = result.get("result", {}).get("value", "") or ""
                if needle in text:
                    return text
                await asyncio.sleep(0.5)
            return text


def test_serve_shows_the_app_in_a_browser(tmp_path: Path) -> None:
    port, devtools_port = free_port(), free_port()
    env = os.environ.copy()
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", "--content", str(PACK), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    browser = None
    try:
        wait_for_port(port)
        browser = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'chromium'}",
                f"--remote-debugging-port={devtools_port}",
                "--window-size=1280,800",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(devtools_port)
        text = asyncio.run(received_text(f"http://127.0.0.1:{port}/", devtools_port, "Example"))
        assert "Example" in text, text[-2000:]
    finally:
        for process in (browser, server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
