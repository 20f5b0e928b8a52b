"""``giaoban demo``: a week of the Tây Ninh group, played offline.

The real application (the same wiring as ``giaoban run``) talks through python-telegram-bot's
HTTP stack to the local Bot API server, with a temporary SQLite database and a clock the demo
moves: a call for reports; the office imports the response plan (phương án) the Front keeps,
Sóc Trăng's for Covid-19 (docs/plans), with /kehoach and the file, situation 1 in force; leaders
answering (one types a number the bot cannot read and is asked again), each member organization
asked about its tasks in the plan too; a reminder, the deadline, one organization overdue, the
Monday digest with its chart and the plan's section, /summary and /export.

Then a direction (chỉ đạo) and the plan's situation 2 through the week after: after Monday's
digest the office gives a direction to Hội Nông dân tỉnh with /chidao, due at the end of the
week; it is posted in the group and sent to the leader, who acknowledges it. The other
organizations' reports of that week are played without being printed. On Tuesday afternoon a
case at the Front's office: the office switches the plan to situation 2 with /tinhhuong and
confirms, and the bot tells the group each unit's tasks at it. The farmers' report is asked
about the direction and answers "in progress", then about its tasks at situation 2 (those of
situation 1 carried on: "no change" is one tap); the bot reminds the day before the direction
is due; the Front's Văn phòng reports one of its new tasks done, with a note, through
/nhiemvu; the leader replies to the post that the direction is done; and the next Monday's
digest counts it in its "Chỉ đạo" section and shows the plan at situation 2.

Everything said is printed as a chat transcript, but for long parts played without being
printed (most questions about the plan's tasks); the Word report, the spreadsheet and the
charts the bot sent are written to a folder.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import FakeClock
from bot.config import AppConfig, parse_config
from bot.i18n import plain
from bot.local_api.local_bot import LocalBot
from bot.local_api.server import BotMessage, Chat, LocalBotApi, User

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
GROUP_ID = -1001234567890
GROUP_NAME = "MTT-CTXH tỉnh Tây Ninh"
SECRETARY = (100000002, "Lê Thị Thu")  # the secretariat's office
OFFICE = (100000003, "Đỗ Thị Hoa")  # reports for the Front's Văn phòng (a department)
# code, name, leader's user id and Telegram name (many write their whole name as first name)
ORGANIZATIONS = (
    ("mttq", "Ủy ban MTTQ Việt Nam tỉnh", 100000001, "Nguyễn Văn Minh"),
    ("tinh_doan", "Tỉnh đoàn", 100000011, "Trần Văn An"),
    ("ldld", "Liên đoàn Lao động tỉnh", 100000021, "Phạm Thị Bình"),
    ("hlhpn", "Hội Liên hiệp Phụ nữ tỉnh", 100000031, "Võ Thị Lan"),
    ("hnd", "Hội Nông dân tỉnh", 100000041, "Huỳnh Văn Dũng"),
    ("hccb", "Hội Cựu chiến binh tỉnh", 100000051, "Đặng Văn Hùng"),
)
# The Front's departments: the Sóc Trăng plan names them all.
DEPARTMENTS: list[dict[str, Any]] = [
    {"code": "van_phong", "name": "Văn phòng", "leaders": [OFFICE[0]]},
    {"code": "ban_pttg", "name": "Ban Phong trào – Tuyên giáo"},
    {"code": "ban_dttg", "name": "Ban Dân tộc – Tôn giáo"},
    {"code": "ban_dcpl", "name": "Ban Dân chủ – Pháp luật"},
]
# The response plan imported at the start of the week shown: Sóc Trăng's for Covid-19.
PLAN = Path(__file__).parents[1] / "docs" / "plans" / "soc-trang-covid-19.csv"
# The bot has looked after the group for five weeks before the one shown (not printed), so
# that the digest has last week to compare with and the chart has a trend.
FIRST_MONDAY = 19  # October 2026, week 43
QUESTIONS: list[dict[str, Any]] = [
    {"key": "tuyen_truyen", "text": "Kết quả tuyên truyền, vận động trong tuần"},
    {"key": "ho_kho_khan", "text": "Số hộ khó khăn được hỗ trợ trong tuần", "kind": "count",
     "unit": "hộ"},
    {"key": "gia_tri", "text": "Giá trị hỗ trợ (tiền và hàng quy ra tiền)", "kind": "money"},
    {"key": "kien_nghi", "text": "Khó khăn, vướng mắc, kiến nghị", "required": False,
     "proposals": True},
]  # fmt: skip
DOCUMENT = {
    "issuer": ["Ủy ban MTTQ Việt Nam tỉnh Tây Ninh", "Ban Thường trực"],
    "number": "Số:       /BC-MTTQ-BTT",
    "place": "Tây Ninh",
    "recipients": ["Thường trực Tỉnh ủy;", "Ban Dân vận Tỉnh ủy;", "Các tổ chức CT-XH tỉnh;",
                   "Lưu: VP."],
    "on_behalf": "TM. BAN THƯỜNG TRỰC",
    "signer_title": "PHÓ CHỦ TỊCH",
}  # fmt: skip
# The direction of the week after, for the farmers: due at the end of that week (Friday 04/12).
DIRECTION = "Vận động hội viên đăng ký tham gia hiến máu tình nguyện đợt tháng 12."
DIRECTED = "hnd"
# The week after (49), the other organizations' reports, played but not printed (the digest
# shows them): what they did, households helped, money.
WEEK_49 = {
    "mttq": ("Trao 25 căn nhà Đại đoàn kết cho hộ nghèo ở 4 huyện biên giới.", "52", "1,25 tỷ"),
    "tinh_doan": ("Ra quân dọn vệ sinh kênh mương ở 4 xã; 800 đoàn viên dự.", "30", "18 triệu"),
    "ldld": ("Đối thoại với công nhân về lương, thưởng Tết ở 6 doanh nghiệp.", "45", "90 triệu"),
    "hlhpn": ("Tập huấn phòng, chống bạo lực gia đình cho 250 hội viên.", "26", "21 triệu"),
    "hccb": ("Phối hợp công an xã tuần tra bảo đảm an ninh khu vực biên giới.", "12", "8 triệu"),
}
# How the members answer about their tasks in the plan (1.1, 1.2, 1.3 and 1.11, at situation 1
# as at 2), after the template's questions: in week 48 (played, not printed, but for the youth
# union's), and in week 49 before the switch (the farmers' report comes after it).
TASKS_48 = {
    "ldld": ["đã xong", "đang làm", "đang làm", "chưa thực hiện"],
    "hlhpn": ["đã xong", "đang làm", "đã xong", "đang làm"],
    "hnd": ["đã xong", "đang làm", "chưa thực hiện", "chưa thực hiện"],
}
TASKS_49 = ["đã xong", "đang làm", "đang làm", "đang làm"]
OFFICE_NOTE = "Đã báo khẩn Thường trực và Ban Chỉ đạo tỉnh lúc 14 giờ 30 ngày 01/12."
# What the narrator says of the plan's and the direction's days (the week's lines are the
# catalogue's demo.*).
ASIDES = {
    "give": "Sau giao ban, Văn phòng giao chỉ đạo cho Hội Nông dân tỉnh, hạn cuối tuần; bot đăng "
    "vào nhóm và nhắn riêng lãnh đạo Hội",
    "acknowledge": "Lãnh đạo Hội Nông dân bấm «Đã nhận» ngay trong nhóm; người giao được báo",
    "others": "Tuần 49: năm tổ chức kia báo cáo như mọi tuần, không in ra ở đây",
    "report": "Báo cáo tuần của Hội Nông dân hỏi thêm kết quả thực hiện chỉ đạo #1",
    "due": "Chỉ đạo #1 đến hạn ngày mai: bot nhắc lãnh đạo Hội Nông dân",
    "done": "Hội Nông dân trả lời tin chỉ đạo trong nhóm: đã xong; người giao được báo",
    "digest": "Sáng thứ Hai: bản tổng hợp tuần 49 đếm chỉ đạo trong phần «Chỉ đạo» và cho thấy "
    "phương án ở tình huống 2",
    "import": "Văn phòng nhập phương án phòng, chống dịch Covid-19 (bản của Sóc Trăng): gõ "
    "/kehoach rồi gửi tệp CSV; tình huống 1 áp dụng từ hôm nay",
    "tasks_asked": "Từ nay báo cáo tuần hỏi thêm từng nhiệm vụ của tổ chức trong phương án; ở "
    "tình huống 1, mỗi tổ chức thành viên có bốn nhiệm vụ",
    "unprinted": "các câu còn lại và bản xem lại không in ra ở đây",
    "switch": "Chiều thứ Ba: một cán bộ cơ quan Ủy ban MTTQ tỉnh nghi nhiễm; Văn phòng chuyển "
    "phương án sang tình huống 2 bằng /tinhhuong, xác nhận, và bot báo cả nhóm",
    "effect": "Ở tình huống 2, các tổ chức thành viên tiếp tục nhiệm vụ của tình huống 1 (mục A): "
    "báo cáo của Hội Nông dân hỏi lại từng nhiệm vụ, có nút «Không đổi»",
    "office": "Văn phòng Ủy ban MTTQ tỉnh nhận các nhiệm vụ mới của tình huống 2 (mục B); cán bộ "
    "Văn phòng báo tiến độ bằng /nhiemvu, kèm ghi chú",
}


def demo_config(api_base_url: str, database: Path) -> AppConfig:
    """The Tây Ninh group with a short questionnaire, so that the transcript stays readable;
    the deadline is on Wednesday so that the overdue reminders of Thursday show."""
    return parse_config(
        {
            "telegram": {
                "api_base_url": api_base_url,
                "poll_timeout": 1,
                # The local server answers at once; Telegram's pacing would only make
                # the demo wait (the limits are tested and benchmarked elsewhere).
                "limits": {
                    "messages_per_second": 1000,
                    "group_messages_per_minute": 10000,
                    "chat_messages_per_second": 1000,
                },
            },
            "storage": {"url": f"sqlite+aiosqlite:///{database}"},
            "logging": {"level": "WARNING"},
            "scheduler": {"tick_seconds": 0},  # the demo runs the week's tick as its clock moves
            "groups": [
                {
                    "chat_id": GROUP_ID,
                    "name": GROUP_NAME,
                    "secretariat": [SECRETARY[0]],
                    "schedule": {
                        "call": "monday 08:00",
                        "reminder": "tuesday 17:00",
                        "deadline": "wednesday 17:00",
                        "digest": "monday 08:00",
                    },
                    "organizations": [
                        {"code": code, "name": name, "leaders": [user_id]}
                        | ({"front": True, "departments": DEPARTMENTS} if code == "mttq" else {})
                        for code, name, user_id, _ in ORGANIZATIONS
                    ],
                    "questions": QUESTIONS,
                    "document": DOCUMENT,
                }
            ],
        }
    )


@dataclass(frozen=True)
class Press:
    """In a report's answers: a button pressed rather than words typed."""

    label: str


@dataclass
class DemoResult:
    transcript: str
    folder: Path
    files: list[Path] = field(default_factory=list)


class _Play:
    """Moves the clock, makes people type and press, and prints what everyone sees."""

    def __init__(self, bot: LocalBot, api: LocalBotApi, echo: Callable[[str], None]) -> None:
        self.bot, self.api, self.echo = bot, api, echo
        self.lines: list[str] = []
        self._shown = 0  # messages of api.sent already printed
        self._first_shown = 0
        self._day: date | None = None
        self.group = api.group(GROUP_ID, GROUP_NAME)
        self.people = {code: api.user(uid, name) for code, _, uid, name in ORGANIZATIONS}
        self.people["secretary"] = api.user(*SECRETARY)
        self.people["office"] = api.user(*OFFICE)
        self.quiet = False  # played, not printed (the weeks before the one shown, and others)

    @contextmanager
    def unprinted(self) -> Iterator[None]:
        """What is played inside is not printed."""
        self.quiet = True
        try:
            yield
        finally:
            self.quiet = False

    def files_from_here(self) -> None:
        """The files the bot sends from now on are kept (those of earlier weeks are not)."""
        self._first_shown = len(self.api.sent)

    def say(self, line: str = "") -> None:
        if not self.quiet:
            self.lines.append(line)
            self.echo(line)

    def at(self, day: int, hour: int, minute: int = 0, *, month: int = 11) -> None:
        """A moment of November 2026 (or of another month of 2026)."""
        instant = datetime(2026, month, day, hour, minute, tzinfo=TZ)
        self.bot.clock.set(instant)
        if instant.date() != self._day:
            self._day = instant.date()
            weekday = plain(f"weekday.{instant.isoweekday()}", "vi")
            self.say()
            self.say(
                plain(
                    "demo.day",
                    "vi",
                    weekday=weekday[:1].upper() + weekday[1:],
                    date=instant.strftime("%d/%m/%Y"),
                )
            )

    def narrate(self, key: str, **params: object) -> None:
        self.aside(plain(key, "vi", **params))

    def aside(self, text: str) -> None:
        self.say(f"      ({text})")

    async def tick(self) -> None:
        await self.bot.tick()
        self._show_new()

    def private(self, code: str) -> Chat:
        return self.api.private_chat(self.people[code])

    async def type(
        self, code: str, text: str, *, in_group: bool = False, reply_to: BotMessage | None = None
    ) -> BotMessage | None:
        """``code`` types ``text`` (replying to ``reply_to``); returns the bot's last answer in
        that chat."""
        chat = self.group if in_group else self.private(code)
        person = self.people[code]
        self.say(f"{self._time()} {self._where(chat)} 👤 {_name(person)}: {text}")
        self.api.send(chat, person, text, reply_to=reply_to)
        return await self._answer(chat)

    async def press(self, code: str, message: BotMessage | None, label: str) -> BotMessage | None:
        """``code`` presses ``label`` on ``message`` (the bot's answer, which must have come)."""
        assert message is not None, label
        person = self.people[code]
        chat = self.api.chats[message.chat_id]
        shown = next(iter(t for t, _ in message.buttons() if label in t), label)
        self.say(
            f"{self._time()} {self._where(chat)} 👤 {_name(person)} "
            f"{plain('demo.pressed', 'vi', button=shown)}"
        )
        self.api.press(message, person, message.button(label))
        return await self._answer(chat)

    async def send_file(self, code: str, path: Path) -> BotMessage | None:
        """``code`` sends the file at ``path`` in private; returns the bot's last answer."""
        chat, person = self.private(code), self.people[code]
        content = await asyncio.to_thread(path.read_bytes)
        size = f"{len(content) / 1024:.0f} KB"
        sent = plain("demo.document", "vi", name=path.name, size=size)
        self.say(f"{self._time()} {self._where(chat)} 👤 {_name(person)}: {sent}")
        self.api.send_document(chat, person, path.name, content=content, mime_type="text/csv")
        return await self._answer(chat)

    async def report(
        self, code: str, answers: Sequence[str | Press], *, printed: int | None = None
    ) -> None:
        """A leader reports in private: /baocao, then each answer (typed, or a button pressed),
        then submits. Past the first ``printed`` answers, the others and the review are played
        without being printed (the receipt is)."""
        prompt = await self.type(code, "/baocao")
        if prompt is not None and _has_button(prompt, "tuần này"):
            # Still owing an earlier week, the leader is asked which week: this one.
            prompt = await self.press(code, prompt, "tuần này")
        quiet = self.quiet
        for index, answer in enumerate(answers):
            if index == printed:
                self.aside(ASIDES["unprinted"])
                self.quiet = True
            assert prompt is not None
            if isinstance(answer, Press):
                prompt = await self.press(code, prompt, answer.label)
                continue
            prompt = await self.type(code, answer)
            if prompt is not None and _has_button(prompt, "Xong"):  # a text answer may go on
                prompt = await self.press(code, prompt, "Xong")
        self.quiet = quiet
        await self.press(code, prompt, "Gửi báo cáo")

    async def _answer(self, chat: Chat) -> BotMessage | None:
        await self.bot.settle()
        new = self._show_new()
        mine = [m for m in new if m.chat_id == chat.id]
        return mine[-1] if mine else None

    def show_last(self, chat_id: int) -> None:
        """Print again the last message the bot sent to a chat."""
        self._show(self.api.messages_to(chat_id)[-1])

    def last_to(self, chat_id: int, starting: str) -> BotMessage:
        """The last message the bot sent to a chat that starts with ``starting``."""
        return next(
            m
            for m in reversed(self.api.messages_to(chat_id))
            if (m.plain_text or "").startswith(starting)
        )

    @property
    def first_shown(self) -> int:
        """The first message whose files are kept (see ``files_from_here``)."""
        return self._first_shown

    def _show_new(self) -> list[BotMessage]:
        new = self.api.sent[self._shown :]
        self._shown = len(self.api.sent)
        for message in new:
            self._show(message)
        return new

    def _show(self, message: BotMessage) -> None:
        chat = self.api.chats[message.chat_id]
        self.say(f"{self._time()} {self._where(chat)} 🤖 Giao Ban:")
        if message.kind == "photo":
            self.say("      " + plain("demo.photo", "vi", size=_kib(message)))
        elif message.kind == "document":
            self.say(
                "      " + plain("demo.document", "vi", name=message.file_name, size=_kib(message))
            )
        for line in (message.plain_text or "").splitlines():
            self.say(f"      {line}")
        for text, _ in message.buttons():
            self.say(f"      [{text}]")

    def _time(self) -> str:
        return self.bot.clock.now().astimezone(TZ).strftime("%H:%M")

    def _where(self, chat: Chat) -> str:
        if chat.type != "private":
            return plain("demo.in_group", "vi")
        assert chat.user is not None
        return plain("demo.in_private", "vi", name=_name(chat.user))


def _name(user: User) -> str:
    return " ".join(p for p in (user.first_name, user.last_name) if p)


def _kib(message: BotMessage) -> str:
    return f"{message.file_size / 1024:.0f} KB"


def _has_button(message: BotMessage, label: str) -> bool:
    return any(label in text for text, _ in message.buttons())


async def _earlier_weeks(play: _Play) -> None:
    """Weeks 43 to 47: most organizations report, one or two do not, the figures vary."""
    play.quiet = True
    await play.type("secretary", "/start")
    for week in range(5):
        monday = datetime(2026, 10, FIRST_MONDAY, tzinfo=TZ) + timedelta(weeks=week)
        play.bot.clock.set(monday.replace(hour=8))
        await play.tick()
        for index, (code, name, _, _) in enumerate(ORGANIZATIONS):
            if (index + week) % 4 == 3:
                continue  # this organization misses the week
            # Most report on Tuesday; now and then one on Thursday, after the deadline.
            day = 3 if (index + week) % 5 == 4 else 1
            play.bot.clock.set(monday + timedelta(days=day, hours=9, minutes=10 * index))
            households = 15 + 7 * index + 4 * week
            money = f"{10 + 12 * index + 5 * week} triệu"
            await play.report(
                code,
                [
                    f"{name}: kết quả tuyên truyền tuần {43 + week}.",
                    str(households),
                    money,
                    "bỏ qua",
                ],
            )
        play.bot.clock.set(monday + timedelta(days=2, hours=17))
        await play.tick()
    # Monday 23 November, 08:00: week 47's digest and chart, and the call for week 48.
    play.bot.clock.set(datetime(2026, 11, 23, 8, tzinfo=TZ))
    await play.tick()
    play.quiet = False
    play.files_from_here()


async def _week(play: _Play) -> None:
    """Week 48 of 2026 (Monday 23 to Sunday 29 November), and the Monday after."""
    play.at(23, 8)
    play.narrate("demo.narrate.call")
    play.show_last(GROUP_ID)

    play.at(23, 8, 30)
    play.aside(ASIDES["import"])
    await play.type("secretary", "/kehoach")
    await play.send_file("secretary", PLAN)

    play.at(23, 9, 15)
    play.aside(ASIDES["tasks_asked"])
    await play.report(
        "tinh_doan",
        [
            "Tổ chức 12 buổi tuyên truyền về chuyển đổi số tại các xã biên giới; 1.200 đoàn viên "
            "tham gia.",
            "35",
            "45 triệu",
            "Đề nghị hỗ trợ kinh phí in tài liệu tuyên truyền.",
            Press("Đã xong"),
            "đang làm, đã đăng 24 tin, bài phòng dịch trên trang của Tỉnh đoàn",
            "chưa thực hiện",
            "đang làm",
        ],
        printed=6,
    )
    play.at(23, 10, 40)
    await play.report(
        "ldld",
        [
            "Thăm hỏi công nhân khu công nghiệp Trảng Bàng; tuyên truyền an toàn lao động.",
            "60",
            "120.000.000",
            "bỏ qua",
            *TASKS_48["ldld"],
        ],
        printed=4,
    )

    play.at(24, 9, 5)
    play.narrate("demo.narrate.bad_number")
    await play.report(
        "hlhpn",
        [
            "Ra mắt 3 mô hình “Phụ nữ giúp nhau phát triển kinh tế”.",
            "hơn hai chục",
            "22",
            "15,5 triệu",
            "bỏ qua",
            *TASKS_48["hlhpn"],
        ],
        printed=5,
    )

    play.at(24, 17)
    play.narrate("demo.narrate.reminder")
    await play.tick()

    play.at(25, 8, 30)
    await play.report(
        "mttq",
        [
            "Hội nghị giao ban khối dân vận; triển khai cuộc vận động “Ngày vì người nghèo”.",
            "40",
            "200 triệu",
            "bỏ qua",
        ],
    )
    play.at(25, 15, 50)
    await play.report(
        "hnd",
        [
            "Hướng dẫn nông dân tiêu thụ mãng cầu qua sàn thương mại điện tử.",
            "18",
            "2,5 triệu",
            "Giá phân bón tăng, đề nghị có chính sách hỗ trợ.",
            *TASKS_48["hnd"],
        ],
        printed=4,
    )

    play.at(25, 17)
    play.narrate("demo.narrate.deadline")
    await play.tick()
    play.at(26, 8)
    await play.tick()

    play.at(30, 8)
    play.narrate("demo.narrate.digest")
    await play.tick()

    play.at(30, 9)
    play.narrate("demo.narrate.summary")
    await play.type("secretary", "/tonghop truoc", in_group=True)
    play.at(30, 9, 10)
    # The Word report asks what to write under "Đánh giá chung", then the plan ahead.
    asked = await play.type("secretary", "/xuatbaocao truoc", in_group=True)
    asked = await play.type(
        "secretary", plain("demo.assessment", "vi"), in_group=True, reply_to=asked
    )
    if asked is not None:
        await play.press("secretary", asked, "Bỏ qua")
    await play.type("secretary", "/xuatbaocao xlsx truoc")


async def _direction_given(play: _Play) -> BotMessage:
    """Monday 30 November, after the digest: the office gives the farmers a direction in
    private, step by step, due at the end of the week; the leader acknowledges it in the
    group. Returns the direction's post in the group."""
    play.at(30, 9, 30)
    play.aside(ASIDES["give"])
    asked = await play.type("secretary", "/chidao")
    asked = await play.press("secretary", asked, "Nông dân")
    asked = await play.press("secretary", asked, "Tiếp tục")
    asked = await play.type("secretary", DIRECTION)
    asked = await play.press("secretary", asked, "Xong")
    asked = await play.press("secretary", asked, "Cuối tuần này")
    await play.press("secretary", asked, "Gửi chỉ đạo")  # posted and sent once it is answered
    post = play.last_to(GROUP_ID, "📌")

    play.at(30, 10, 5)
    play.aside(ASIDES["acknowledge"])
    await play.press(DIRECTED, post, "Đã nhận")
    return post


async def _situation_switched(play: _Play) -> None:
    """Tuesday 1 December: a case at the Front's office; the secretary switches the plan to
    situation 2 with /tinhhuong, confirms, and the bot tells the group."""
    play.at(1, 14, month=12)
    play.aside(ASIDES["switch"])
    shown = await play.type("secretary", "/tinhhuong")
    confirm = await play.press("secretary", shown, "Chuyển sang tình huống 2")
    await play.press("secretary", confirm, "Xác nhận chuyển")


async def _direction_followed(play: _Play, post: BotMessage) -> None:
    """Week 49: the other organizations report (not printed); the plan is switched to
    situation 2; the farmers' report answers the direction's question, then its tasks at
    situation 2; the bot reminds the day before the direction is due; the Front's Văn phòng
    reports a new task done with /nhiemvu; the leader replies to the post that the direction is
    done, and Monday's digest counts it and shows the plan at situation 2."""
    play.at(1, 9, month=12)
    play.aside(ASIDES["others"])
    with play.unprinted():
        for index, (code, (did, households, money)) in enumerate(WEEK_49.items()):
            play.at(1, 9, 10 * index, month=12)
            tasks = [] if code == "mttq" else TASKS_49
            await play.report(code, [did, households, money, "bỏ qua", *tasks])
    await _situation_switched(play)
    with play.unprinted():
        play.at(1, 17, month=12)  # the reminder: the farmers have not reported yet
        await play.tick()

    play.at(2, 10, 20, month=12)
    play.aside(ASIDES["report"])
    play.aside(ASIDES["effect"])
    await play.report(
        DIRECTED,
        [
            "Tập huấn kỹ thuật trồng mãng cầu theo tiêu chuẩn VietGAP cho 120 hội viên.",
            "24",
            "6 triệu",
            "bỏ qua",
            "đang làm, đã có 45 hội viên đăng ký",
            Press("Không đổi"),
            "xong, đã phát 2.000 tờ rơi về phòng dịch ở 12 xã",
            "đang làm, đã vận động được 35 triệu đồng cho Quỹ phòng, chống Covid-19",
            "chưa thực hiện",
        ],
        printed=6,
    )
    with play.unprinted():
        play.at(2, 17, month=12)  # the deadline: every organization has reported
        await play.tick()

    play.at(3, 8, month=12)
    play.aside(ASIDES["due"])
    await play.tick()

    play.at(3, 9, 30, month=12)
    play.aside(ASIDES["office"])
    listed = await play.type("office", "/nhiemvu")
    card = await play.press("office", listed, "2.B.1 ")
    await play.press("office", card, "Đã xong")  # recorded; a note may follow
    await play.type("office", OFFICE_NOTE)

    play.at(4, 15, 30, month=12)
    play.aside(ASIDES["done"])
    await play.type(
        DIRECTED, "Xong rồi, đã có 62 hội viên đăng ký hiến máu.", in_group=True, reply_to=post
    )

    play.at(7, 8, month=12)
    play.aside(ASIDES["digest"])
    await play.tick()


async def play_demo(folder: Path | None = None, echo: Callable[[str], None] = print) -> DemoResult:
    """Play the week with the plan imported, and the direction and the plan's switch of the
    week after; write the files the bot sent to ``folder`` (a new one if None)."""
    out = folder or Path(tempfile.mkdtemp(prefix="giaoban-demo-"))
    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock(datetime(2026, 10, FIRST_MONDAY, 7, 0, tzinfo=TZ))
    api = LocalBotApi(clock=lambda: clock.now().timestamp())
    await api.start()
    try:
        with tempfile.TemporaryDirectory(prefix="giaoban-demo-db-") as scratch:
            config = demo_config(api.base_url, Path(scratch) / "giaoban.db")
            bot = LocalBot(api, config, clock)
            await bot.start()
            try:
                play = _Play(bot, api, echo)
                play.say(plain("demo.title", "vi", group=GROUP_NAME))
                await _earlier_weeks(play)
                play.say(plain("demo.earlier", "vi"))
                await _week(play)
                post = await _direction_given(play)
                await _direction_followed(play, post)
            finally:
                await bot.stop()
    finally:
        await api.stop()
    result = DemoResult("\n".join(play.lines), out)
    for message in api.sent[play.first_shown :]:
        if message.file_content and message.kind == "document" and message.file_name:
            result.files.append(_write(out / message.file_name, message.file_content))
        elif message.file_content and message.kind == "photo":
            result.files.append(_write(out / _chart_name(message), message.file_content))
    result.files.append(_write(out / "transcript.txt", (result.transcript + "\n").encode()))
    echo("")
    echo(plain("demo.files", "vi", folder=out))
    for path in result.files:
        echo(f"  {path.name}")
    return result


def _chart_name(message: BotMessage) -> str:
    """The chart sent with a Monday digest shows the weeks up to the one before."""
    year, week, _ = (datetime.fromtimestamp(message.date, TZ) - timedelta(weeks=1)).isocalendar()
    return f"bieu-do-tuan-{year}-W{week:02d}.png"


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path
