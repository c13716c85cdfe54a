"""Inputs for the speed benchmark: the corpus, real pages, built pages, scaled articles.

Where ``../shared`` is present the plain-text inputs are its 376 corpus articles and the HTML
inputs are its real pages plus pages built here around corpus articles with the chrome a news
site puts around a story (head with scripts and JSON-LD, header and navigation, breaking-news
ticker, breadcrumb, share widgets, an in-body «اقرأ أيضا» box, tags, related stories,
comments, footer, trailing analytics). Without it the inputs are the repository's ``seeds/``
plus articles generated here from a small vocabulary, and the report says so.

Everything is deterministic: the same arguments give the same inputs byte for byte.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_shared() -> Path | None:
    """``$ARNEWS_SHARED``, else the nearest ``shared/`` beside the repository or above it."""
    if "ARNEWS_SHARED" in os.environ:
        return Path(os.environ["ARNEWS_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus" / "articles").is_dir():
            return parent / "shared"
    return None


@dataclass(frozen=True)
class Doc:
    """One benchmark input: a name and its decoded text (peers get the same ``str``)."""

    name: str
    text: str

    @property
    def nbytes(self) -> int:
        """Size in UTF-8 bytes, for MB/s."""
        return len(self.text.encode("utf-8"))


@dataclass(frozen=True)
class Corpora:
    """The inputs of one run and where they came from."""

    origin: str
    """``"shared"`` or ``"seeds+generated"``."""
    texts: tuple[Doc, ...]
    pages: tuple[Doc, ...]
    real_pages: int
    """How many of ``pages`` are real pages (the rest are built)."""


def read_any(path: Path) -> str:
    """Decode a file as UTF-8, or windows-1256 when it is not UTF-8 (a few corpus files)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


# --- a plain article split into its parts (naively: this is input building, not parsing) ----


@dataclass(frozen=True)
class Parts:
    headline: str
    dateline: str
    paragraphs: tuple[str, ...]


def split_article(text: str) -> Parts:
    """Headline (first block), a short second block as dateline, the rest as paragraphs."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    if not blocks:
        return Parts("", "", ())
    headline = blocks[0].splitlines()[0].strip()
    rest = blocks[1:]
    dateline = ""
    if rest and len(rest[0]) < 80 and "\n" not in rest[0]:
        dateline, rest = rest[0], rest[1:]
    paragraphs = tuple(
        line.strip() for block in rest for line in block.splitlines() if line.strip()
    )
    return Parts(headline, dateline, paragraphs)


# --- generated articles (used when ../shared is absent) --------------------------------------

_PLACES = ("الرياض", "دبي", "القاهرة", "عمان", "بيروت", "الرباط", "تونس", "الدوحة", "بغداد")
_AGENCIES = ("واس", "رويترز", "فرانس برس", "الأناضول", "وام", "قنا", "د ب أ")
_SUBJECTS = (
    "وزير الخارجية",
    "رئيس الوزراء",
    "المتحدث باسم الحكومة",
    "مدير صندوق النقد",
    "أمين عام الجامعة العربية",
    "رئيس مجلس النواب",
    "محافظ البنك المركزي",
)
_VERBS = ("قال", "أكد", "أوضح", "أشار", "صرح", "أضاف", "شدد")
_TOPICS = (
    "الاتفاق التجاري",
    "أسعار النفط",
    "خطة الإصلاح الاقتصادي",
    "المفاوضات الجارية",
    "مشروع الطاقة الشمسية",
    "الموسم الرياضي",
    "الانتخابات البلدية",
    "موازنة العام المقبل",
)
_CLAIMS = (
    "سيسهم في تعزيز التعاون بين البلدين",
    "يمثل خطوة مهمة نحو الاستقرار",
    "لن يؤثر على مستوى الخدمات المقدمة للمواطنين",
    "يحتاج إلى مزيد من الوقت والجهد",
    "حقق نتائج إيجابية فاقت التوقعات",
)
_DAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر")
_FILLER = (
    "وتأتي هذه الخطوة في إطار الجهود المبذولة لتطوير القطاع وتحسين أدائه خلال المرحلة المقبلة",
    "وشهدت الجلسة نقاشا موسعا حول عدد من الملفات ذات الاهتمام المشترك بين الجانبين",
    "ومن المقرر أن تعقد اللجنة اجتماعها المقبل لمتابعة تنفيذ ما تم الاتفاق عليه",
    "وكانت الحكومة قد أعلنت في وقت سابق عن حزمة من الإجراءات لدعم الاقتصاد المحلي",
    "ويرى مراقبون أن هذه التطورات قد تنعكس على الأسواق في الأسابيع القليلة القادمة",
)


def generated_article(index: int) -> str:
    """A plain-text article made from the vocabulary above (no third-party text)."""
    rnd = random.Random(index)
    place, agency = rnd.choice(_PLACES), rnd.choice(_AGENCIES)
    subject, topic = rnd.choice(_SUBJECTS), rnd.choice(_TOPICS)
    day = (
        f"{rnd.choice(_DAYS)} {rnd.randint(1, 28)} {rnd.choice(_MONTHS)} {rnd.randint(2015, 2024)}"
    )
    lines = [
        f"{subject}: {topic} {rnd.choice(_CLAIMS)}",
        "",
        f"{place} - {agency}",
        "",
        f"{rnd.choice(_VERBS)} {subject} يوم {day} إن {topic} {rnd.choice(_CLAIMS)}.",
    ]
    for _ in range(rnd.randint(4, 12)):
        kind = rnd.random()
        if kind < 0.3:
            lines.append(
                f"و{rnd.choice(_VERBS)} {rnd.choice(_SUBJECTS)} في تصريح لـ{agency}: "
                f"«{rnd.choice(_TOPICS)} {rnd.choice(_CLAIMS)}»."
            )
        elif kind < 0.45:
            lines.append(
                f"وكان {rnd.choice(_SUBJECTS)} قد زار {rnd.choice(_PLACES)} "
                f"{rnd.choice(_DAYS)} الماضي لبحث {rnd.choice(_TOPICS)}."
            )
        else:
            lines.append(". ".join(rnd.sample(_FILLER, rnd.randint(1, 3))) + ".")
    return "\n".join(lines) + "\n"


# --- page chrome around an article ------------------------------------------------------------

_NAV = (
    "الرئيسية",
    "أخبار محلية",
    "عربي ودولي",
    "اقتصاد",
    "رياضة",
    "ثقافة وفنون",
    "تكنولوجيا",
    "صحة",
    "منوعات",
    "مقالات الرأي",
    "فيديو",
    "صور",
    "إنفوغراف",
    "اتصل بنا",
)
_FOOTER = ("من نحن", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا", "خريطة الموقع", "وظائف")
_SHARE = ("فيسبوك", "تويتر", "واتساب", "تيليجرام", "لينكدإن", "البريد الإلكتروني")


def _blob(size: int, part: Callable[[], str]) -> str:
    """Parts from ``part()`` joined until they reach ``size`` characters."""
    parts: list[str] = []
    n = 0
    while n < size:
        parts.append(part())
        n += len(parts[-1])
    return "".join(parts)


def _script_blob(rnd: random.Random, size: int) -> str:
    """Minified-looking JavaScript of about ``size`` characters."""

    def part() -> str:
        k = rnd.randint(0, 9999)
        return (
            f"function _0x{k:04x}(a,b){{var c=a.length>>{k % 7};"
            f"for(var i=0;i<c;i++){{b[i]=a.charCodeAt(i)^{k % 255}}}"
            f"return b.join('')}};window['ad_slot_{k}']={{w:{k % 970},h:{k % 250}}};"
        )

    return _blob(size, part)


def _style_blob(rnd: random.Random, size: int) -> str:
    """A minified style sheet of about ``size`` characters."""

    def part() -> str:
        k = rnd.randint(0, 999)
        return (
            f".c{k}{{margin:{k % 20}px;padding:{k % 13}px;color:#{k:03x};"
            f"font-family:'Cairo',Tahoma,sans-serif;direction:rtl}}"
        )

    return _blob(size, part)


def build_page(parts: Parts, index: int, related: Sequence[str], date: str) -> str:
    """An HTML page around ``parts`` with a news site's chrome; ``related`` are headlines."""
    rnd = random.Random(index)
    e = escape
    url = f"https://news.example/{index}"
    nav = "".join(f'<li><a href="/s/{i}">{e(t)}</a></li>' for i, t in enumerate(_NAV))
    ticker = "".join(f"<li><a href='/n/{rnd.randint(1, 99999)}'>{e(h)}</a></li>" for h in related)
    share = "".join(
        f'<a class="share share-{i}" href="#" title="شارك عبر {e(t)}">{e(t)}</a>'
        for i, t in enumerate(_SHARE)
    )
    body: list[str] = []
    box_at = max(1, len(parts.paragraphs) // 2)
    for i, para in enumerate(parts.paragraphs):
        if i == box_at and related:
            body.append(
                '<div class="read-also"><strong>اقرأ أيضا:</strong> '
                f'<a href="/n/{index + 1}">{e(related[0])}</a></div>'
            )
        body.append(f"<p>{e(para)}</p>")
    cards = "".join(
        f'<div class="card"><a href="/n/{index * 7 + i}"><img src="/img/{i}.jpg" alt="">'
        f"<h3>{e(h)}</h3></a><span class='time'>منذ {i + 1} ساعات</span></div>"
        for i, h in enumerate(related)
    )
    tags = "".join(
        f'<a href="/tag/{i}" rel="tag">{e(w)}</a>' for i, w in enumerate(parts.headline.split()[:5])
    )
    footer = "".join(f'<a href="/p/{i}">{e(t)}</a>' for i, t in enumerate(_FOOTER))
    dateline = f'<div class="dateline">{e(parts.dateline)}</div>' if parts.dateline else ""
    ld = (
        '{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"{e(parts.headline)}","datePublished":"{date}T10:{index % 60:02d}:00+03:00",'
        '"publisher":{"@type":"Organization","name":"أخبار اليوم"}}'
    )
    template = index % 3
    article_open, article_close = (
        ('<article class="post">', "</article>")
        if template == 0
        else ('<div id="content" class="story-body">', "</div>")
        if template == 1
        else ('<div class="td-post-content"><div class="entry">', "</div></div>")
    )
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>{e(parts.headline)} | أخبار اليوم</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{e(parts.headline)}">
<meta property="og:site_name" content="أخبار اليوم">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}T10:00:00+03:00">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/main.{index % 97}.css">
<style>{_style_blob(rnd, rnd.randint(2000, 6000))}</style>
<script type="application/ld+json">{ld}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}
gtag('js',new Date());gtag('config','G-{index:06d}');</script>
<script>{_script_blob(rnd, rnd.randint(8000, 30000))}</script>
</head>
<body class="single-post">
<div class="top-bar"><span class="date-now">{date}</span><a href="/login">تسجيل الدخول</a></div>
<header class="site-header"><a class="logo" href="/"><img src="/logo.png" alt="أخبار اليوم"></a>
<nav class="main-menu"><ul>{nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="ابحث في الموقع"></form></header>
<div class="breaking"><span>عاجل</span><ul>{ticker}</ul></div>
<div class="ad ad-top"><script>{_script_blob(rnd, 600)}</script></div>
<main>
<ol class="breadcrumb"><li><a href="/">الرئيسية</a></li><li><a href="/s/2">عربي ودولي</a></li></ol>
{article_open}
<h1 class="entry-title">{e(parts.headline)}</h1>
<div class="meta"><time datetime="{date}T10:00:00+03:00">{date}</time>
<span class="views">{rnd.randint(100, 90000)} مشاهدة</span></div>
<div class="share-top">{share}</div>
{dateline}
{"".join(body)}
<div class="tags"><span>الكلمات المفتاحية:</span>{tags}</div>
<div class="share-bottom">{share}</div>
{article_close}
<section class="related"><h2>أخبار ذات صلة</h2>{cards}</section>
<section class="comments"><h2>التعليقات</h2>
<p class="no-comments">لا توجد تعليقات بعد. كن أول من يعلق على هذا الخبر.</p>
<form><textarea name="c" placeholder="أضف تعليقك"></textarea><button>إرسال</button></form>
</section>
<aside class="most-read"><h2>الأكثر قراءة</h2><ol>{ticker}</ol></aside>
</main>
<footer class="site-footer"><nav>{footer}</nav>
<p>جميع الحقوق محفوظة © {date[:4]} أخبار اليوم</p></footer>
<script src="/static/app.{index % 89}.js" async></script>
<script>{_script_blob(rnd, rnd.randint(3000, 12000))}</script>
</body>
</html>
"""


def _date_of(name: str, index: int) -> str:
    """A publication date for the page's metadata: from the file name when it has one."""
    digits = "".join(ch if ch.isdigit() else " " for ch in name).split()
    for d in digits:
        if len(d) == 8 and d.startswith("20"):
            return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return f"20{15 + index % 9}-{1 + index % 12:02d}-{1 + index % 28:02d}"


def build_pages(texts: Sequence[Doc], count: int) -> list[Doc]:
    """``count`` pages built around the first ``count`` articles (cycling when fewer)."""
    if not texts:
        return []
    parts = [split_article(d.text) for d in texts]
    pages: list[Doc] = []
    for i in range(count):
        j = i % len(texts)
        related = [parts[(j + k) % len(parts)].headline for k in range(1, 7)]
        date = _date_of(texts[j].name, i)
        pages.append(Doc(f"built:{texts[j].name}", build_page(parts[j], i, related, date)))
    return pages


def load(
    shared: Path | None, *, pages: int, limit: int | None = None, generated: int = 60
) -> Corpora:
    """The inputs: from ``shared`` when it has the corpus, else seeds plus generated articles.

    Args:
        shared: the ``../shared`` directory, or ``None`` to use the fallback.
        pages: how many pages to build around articles (added to the real pages).
        limit: keep at most this many plain-text articles (and real pages).
        generated: how many articles to generate for the fallback.
    """
    articles = shared / "corpus" / "articles" if shared is not None else None
    if articles is not None and articles.is_dir():
        texts = [Doc(p.name, read_any(p)) for p in sorted(articles.glob("*.txt"))]
        real = sorted((shared / "html" / "pages").glob("*.html")) if shared else []
        real_docs = [Doc(p.name, read_any(p)) for p in real]
        origin = "shared"
    else:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        texts = [Doc(p.name, read_any(p)) for p in seeds]
        texts += [Doc(f"generated-{i:03d}", generated_article(i)) for i in range(generated)]
        real_docs = []
        origin = "seeds+generated"
    if limit is not None:
        texts, real_docs = texts[:limit], real_docs[:limit]
    built = build_pages(texts, pages)
    return Corpora(
        origin=origin,
        texts=tuple(texts),
        pages=tuple(real_docs + built),
        real_pages=len(real_docs),
    )


def median_article(texts: Sequence[Doc]) -> Doc:
    """The article of median length."""
    ordered = sorted(texts, key=lambda d: (len(d.text), d.name))
    return ordered[len(ordered) // 2]


def scaling_chunks(texts: Sequence[Doc], count: int) -> list[Doc]:
    """``count`` articles of about the median length that share one headline and dateline.

    The median article comes first; the others are made of the body paragraphs of the rest
    of the corpus, in order, each cut at the first paragraph that reaches the median length.
    Joined with :func:`join_chunks`, the first ``k`` of them give an article ``k`` times the
    median length made of exactly the text of those ``k``: comparing the time of the joined
    article with the summed time of its pieces measures the cost of length alone, not a
    change of content.
    """
    base = median_article(texts)
    target = len(base.text)
    head = split_article(base.text)
    chunks = [base]
    pool = (p for d in texts if d is not base for p in split_article(d.text).paragraphs)
    while len(chunks) < count:
        paras: list[str] = []
        size = len(head.headline) + len(head.dateline) + 4
        for para in pool:
            paras.append(para)
            size += len(para) + 1
            if size >= target:
                break
        else:  # corpus exhausted: start over (only with tiny corpora)
            pool = (p for d in texts for p in split_article(d.text).paragraphs)
            if not paras:
                paras = list(head.paragraphs) or [head.headline]
        chunks.append(Doc(f"chunk-{len(chunks)}", _compose(head, paras)))
    return chunks


def _compose(head: Parts, paragraphs: Sequence[str]) -> str:
    top = [head.headline, ""] + ([head.dateline, ""] if head.dateline else [])
    return "\n".join([*top, *paragraphs]) + "\n"


def join_chunks(chunks: Sequence[Doc]) -> Doc:
    """One article: the first chunk's headline and dateline, then every chunk's body."""
    head = split_article(chunks[0].text)
    paras = [p for c in chunks for p in split_article(c.text).paragraphs]
    return Doc(f"joined-{len(chunks)}", _compose(head, paras))


def as_page(doc: Doc, texts: Sequence[Doc]) -> Doc:
    """``doc`` inside the same page chrome whatever its length (the related box from texts)."""
    related = [split_article(d.text).headline for d in texts[:6]]
    return Doc(f"page:{doc.name}", build_page(split_article(doc.text), 0, related, "2020-01-01"))


def batch(texts: Sequence[Doc], size: int) -> list[str]:
    """``size`` articles, cycling through the corpus."""
    return [texts[i % len(texts)].text for i in range(size)] if texts else []
