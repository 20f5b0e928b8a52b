"""The Bot API methods that send files — sendDocument and sendPhoto — with an upload (kept
with its name and content) or a file id, and a photo's size read from its PNG header."""

from __future__ import annotations

import struct
from pathlib import Path

from bot.local_api.errors import ApiError
from bot.local_api.messages import MessageMethods
from bot.local_api.model import JSON, BotMessage

MAX_DOWNLOAD = 20 * 1024 * 1024  # what getFile lets a bot download


class FileMethods(MessageMethods):
    async def _send_file(self, params: JSON, files: JSON, kind: str) -> JSON:
        chat = self._chat(params)
        caption = params.get("caption")
        visible = None
        if caption is not None:
            visible = self._checked_text(caption, params.get("parse_mode"), caption=True)
        upload = files.get(kind)
        if upload is None and not params.get(kind):
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        file_name, content = upload if upload is not None else (str(params[kind]), b"")
        file_id = f"{kind}-{next(self._file_ids)}"
        sent = BotMessage(
            chat_id=chat.id,
            message_id=next(self._message_ids[chat.id]),
            date=int(self._clock()),
            kind=kind,
            caption=caption,
            plain_text=visible,
            parse_mode=params.get("parse_mode"),
            reply_markup=self._checked_markup(params.get("reply_markup")),
            reply_to_message_id=self._reply_target(chat, params),
            message_thread_id=self._thread(chat, params),
            file_name=file_name,
            file_size=len(content),
            file_content=content,
        )
        if kind == "photo":
            width, height = _png_size(content) or (1280, 720)
            size: JSON = {"width": width, "height": height, "file_size": len(content)}
            photo = {"file_id": file_id, "file_unique_id": f"u-{file_id}", **size}
            media: JSON = {"photo": [photo]}
        else:
            document = {"file_name": file_name, "file_size": len(content)}
            media = {"document": {"file_id": file_id, "file_unique_id": f"u-{file_id}", **document}}
        if caption is not None:
            media["caption"] = caption
        return self._record(chat, sent, media)

    async def _get_file(self, params: JSON, files: JSON) -> JSON:
        """getFile: a file people sent, ready to download (Telegram serves up to 20 MB)."""
        file_id = str(params.get("file_id", ""))
        if file_id not in self.uploads:
            raise ApiError(400, "Bad Request: invalid file_id")
        name, content = self.uploads[file_id]
        if len(content) > MAX_DOWNLOAD:
            raise ApiError(400, "Bad Request: file is too big")
        path = f"documents/{file_id}{Path(name).suffix}"
        self.file_paths[path] = file_id
        return {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    def download(self, path: str) -> bytes | None:
        """The content behind a path getFile gave; None (a 404) for any other path."""
        file_id = self.file_paths.get(path)
        found = self.uploads.get(file_id) if file_id is not None else None
        return found[1] if found is not None else None

    async def _send_document(self, params: JSON, files: JSON) -> JSON:
        return await self._send_file(params, files, "document")

    async def _send_photo(self, params: JSON, files: JSON) -> JSON:
        return await self._send_file(params, files, "photo")


def _png_size(content: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG (from its IHDR chunk, which comes first); None otherwise."""
    if content[:8] != b"\x89PNG\r\n\x1a\n" or content[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", content[16:24])
    return width, height
