"""The HTTP side of the local Bot API server: starting and stopping it on 127.0.0.1, reading a
request's parameters the way python-telegram-bot encodes them (form, multipart with
uploads, JSON), and ``_handle``, which checks the token, applies the faults and sending
limits asked for, calls the method's handler and answers in Telegram's shape."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Mapping
from typing import Any, ClassVar

from aiohttp import web

from bot.local_api.errors import ApiError
from bot.local_api.faults import SENDING_METHODS, Faults
from bot.local_api.model import JSON, ApiCall

# Parameters PTB sends JSON-encoded; everything else arrives as a plain string.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "reply_parameters",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "link_preview_options",
        "allowed_updates",
        "reaction",
    }
)
_INT_PARAMS = frozenset(
    {"offset", "limit", "timeout", "message_id", "message_thread_id", "reply_to_message_id"}
)
_BOOL_PARAMS = frozenset(
    {"disable_notification", "protect_content", "show_alert", "drop_pending_updates"}
)


class Routing(Faults):
    # Bot API method name, lower case -> its handler, called as handler(self, params, files).
    _methods: ClassVar[Mapping[str, Any]]

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.host, self.port = host, int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._poller is not None and not self._poller.done():
            self._poller.set_result(None)  # let a pending long poll answer at once
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        """What goes into ``[telegram] api_base_url`` (PTB appends the token)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    async def _download(self, request: web.Request) -> web.Response:
        """A file people sent, at the path getFile gave (Telegram: 404 for anything else)."""
        content = None
        if request.match_info["token"] == self.token:
            content = self.download(request.match_info["path"])
        if content is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=content, content_type="application/octet-stream")

    def download(self, path: str) -> bytes | None:
        raise NotImplementedError

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        arrived = time.monotonic()
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").payload(), status=401)
        params: JSON = {}
        try:
            params, files = await _read_params(request)
            if self.on_call is not None:
                self.on_call(method, params, "arrived", _client_port(request))
            if (delay := self._delay(method)) > 0:
                await asyncio.sleep(delay)  # the client may give up meanwhile; it still counts
            if self._drops(method):
                self.calls.append(ApiCall(method, params, 0, arrived))
                if request.transport is not None:
                    request.transport.abort()
                return web.Response(status=500)  # never reaches the client
            self._apply_faults(method)
            if self.limits is not None and method.lower() in SENDING_METHODS:
                self._check_pace(int(params.get("chat_id", 0)), arrived, self.limits)
            handler = self._methods.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(self, params, files)
        except ApiError as error:
            self.calls.append(ApiCall(method, params, error.code, arrived))
            if self.on_call is not None:
                self.on_call(method, params, "refused", _client_port(request))
            return web.json_response(error.payload(), status=error.code)
        self.calls.append(ApiCall(method, params, 200, arrived))
        if self.on_call is not None:
            self.on_call(method, params, "done", _client_port(request))
        return web.json_response({"ok": True, "result": result})


def _decode(name: str, value: str) -> Any:
    if name in _JSON_PARAMS:
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise ApiError(400, f"Bad Request: can't parse {name} JSON object") from None
    if name in _INT_PARAMS:
        try:
            return int(value)
        except ValueError:
            raise ApiError(400, f"Bad Request: invalid {name}") from None
    if name in _BOOL_PARAMS:
        return value.lower() == "true"
    return value


async def _read_params(request: web.Request) -> tuple[JSON, JSON]:
    """Form, multipart or JSON parameters, decoded the way PTB encodes them."""
    params: JSON = {}
    files: JSON = {}
    if request.content_type == "application/json":
        body = await request.json()
        return (dict(body) if isinstance(body, dict) else {}), files
    for name, text in request.query.items():
        params[name] = _decode(name, text)
    if request.can_read_body:
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                files[name] = (value.filename, value.file.read())
            else:
                params[name] = _decode(name, str(value))
    # PTB sends an uploaded file as attach://name in the parameter of the same name.
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            attached = value.removeprefix("attach://")
            if attached in files:
                files[name] = files[attached]
                del params[name]
    return params, files


def _client_port(request: web.Request) -> int:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    return int(peer[1]) if peer else 0
