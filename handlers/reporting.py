"""What a person's message means to the report conversation: its text, what it replies to,
or the file it carries."""

from __future__ import annotations

from telegram import Bot, Message
from telegram.ext import filters

from bot.services.container import Services
from bot.services.outcomes import Outcome
from bot.services.plans import Fetch
from bot.services.reporting import File
from handlers.adapter import Asked, UseCase
from handlers.directions import replied_to

NEW_MESSAGES = ~filters.UpdateType.EDITED
ATTACHMENTS = filters.PHOTO | filters.Document.ALL | filters.VOICE | filters.VIDEO | filters.AUDIO


def text(services: Services) -> UseCase:
    async def use(asked: Asked) -> Outcome | None:
        if asked.message.text is None:
            return None
        # The Word report waiting on what the secretariat writes into it takes its answer
        # first (a look-up in memory; nobody asked, nothing is read).
        note = await services.exports.take_note(
            asked.chat, asked.message_id, asked.sender, asked.message.text, asked.now
        )
        if note is not None:
            return note
        # A direction waiting on this person, or a reply to a direction's message.
        direction = await services.directions.take_text(
            asked.chat,
            asked.message_id,
            asked.sender,
            asked.message.text,
            replied_to(asked.message, asked.message.get_bot().id),
            asked.now,
        )
        if direction is not None:
            return direction
        # A note on a plan task just reported on.
        task = await services.plans.take_text(
            asked.chat, asked.message_id, asked.sender, asked.message.text, asked.now
        )
        if task is not None:
            return task
        return await services.reporting.receive_text(
            asked.chat,
            asked.message_id,
            asked.sender,
            asked.message.text,
            asked.now,
            reply_to=asked.reply_to,
        )

    return use


def start(services: Services) -> UseCase:
    """/baocao: the person turns to their report; a note or a reason the bot asked about a
    direction is no longer awaited (the next message is the report's)."""

    async def use(asked: Asked) -> Outcome | None:
        await services.directions.forget(asked.chat, asked.sender, asked.now)
        await services.plans.forget(asked.chat, asked.sender)
        return await services.reporting.start(asked.chat, asked.message_id, asked.sender, asked.now)

    return use


def cancel(services: Services) -> UseCase:
    """/huy: what the bot waits for about a direction, if anything; else the report."""

    async def use(asked: Asked) -> Outcome | None:
        dropped = await services.directions.cancel(
            asked.chat, asked.message_id, asked.sender, asked.now
        )
        if dropped is not None:
            return dropped
        await services.plans.forget(asked.chat, asked.sender)
        return await services.reporting.cancel(
            asked.chat, asked.message_id, asked.sender, asked.now
        )

    return use


def edit(services: Services) -> UseCase:
    async def use(asked: Asked) -> Outcome | None:
        if asked.message.text is None:
            return None
        return await services.reporting.edit(
            asked.chat, asked.message_id, asked.sender, asked.message.text, asked.now
        )

    return use


def attachment(services: Services) -> UseCase:
    async def use(asked: Asked) -> Outcome | None:
        file = file_of(asked.message)
        if file is None:
            return None
        if file.kind == "document":  # a response plan's file, after /kehoach
            document = asked.message.document
            plan = await services.plans.take_file(
                asked.chat,
                asked.message_id,
                asked.sender,
                file.file_id,
                file.file_name,
                document.file_size if document is not None else None,
                fetcher(asked.message.get_bot()),
                asked.now,
            )
            if plan is not None:
                return plan
        direction = await services.directions.take_file(
            asked.chat,
            asked.message_id,
            asked.sender,
            file,
            replied_to(asked.message, asked.message.get_bot().id),
            asked.now,
        )
        if direction is not None:
            return direction
        return await services.reporting.receive_attachment(
            asked.chat, asked.message_id, asked.sender, file, asked.now
        )

    return use


def fetcher(bot: Bot) -> Fetch:
    """A file's content by its id, through getFile (Telegram lets a bot fetch 20 MB)."""

    async def fetch(file_id: str) -> bytes:
        found = await bot.get_file(file_id)
        return bytes(await found.download_as_bytearray())

    return fetch


def file_of(message: Message) -> File | None:
    """The file a message carries (the largest size of a photo)."""
    if message.photo:
        return File("photo", message.photo[-1].file_id, None, message.caption)
    if message.document:
        document = message.document
        return File("document", document.file_id, document.file_name, message.caption)
    if message.voice:
        return File("voice", message.voice.file_id, None, message.caption)
    if message.video:
        return File("video", message.video.file_id, message.video.file_name, message.caption)
    if message.audio:
        return File("audio", message.audio.file_id, message.audio.file_name, message.caption)
    return None
