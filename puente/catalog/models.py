"""The catalogue: organizations, sources, documents, items, events, stories, translations, audit.

Review state lives in ``Item.status``; public views, feeds, API and digests start from
``Item.objects.published()`` and nothing else.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

KIND_CHOICES = [
    ("news", pgettext_lazy("item kind", "News")),
    ("event", pgettext_lazy("item kind", "Event")),
    ("action", pgettext_lazy("item kind", "Take action")),
    ("resource", pgettext_lazy("item kind", "Resource")),
    ("service", pgettext_lazy("item kind", "Service")),
    ("job", pgettext_lazy("item kind", "Job")),
    ("opportunity", pgettext_lazy("item kind", "Opportunity")),
    ("statement", pgettext_lazy("item kind", "Statement")),
    ("press", pgettext_lazy("item kind", "In the press")),
    ("fundraiser", pgettext_lazy("item kind", "Fundraiser")),
]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Topic(models.Model):
    """What an item is about. Topics marked ``is_need`` group the help directory."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    is_need = models.BooleanField(_("help directory need"), default=False)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class OrganizationQuerySet(models.QuerySet):
    def listed(self):
        """What the public sees (site, API, HSDS): organizations a person added or checked, or that
        published something; not every name ingestion met in passing (those wait, auto-created, for
        an editor), and never a name an editor said is not an organization."""
        published = Item.objects.filter(organization=models.OuterRef("pk"), status=Item.PUBLISHED)
        return self.filter(
            models.Q(auto_created=False) | models.Q(last_verified__isnull=False) | models.Exists(published),
            rejected=False,
        )

    def to_check(self):
        """Names ingestion created that no editor has looked at yet."""
        return self.filter(auto_created=True, last_verified__isnull=True, rejected=False)


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=300, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone (E.164)"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    languages = models.JSONField(_("languages served (ISO 639-1)"), default=list, blank=True)
    areas = models.ManyToManyField(Topic, blank=True, related_name="organizations", verbose_name=_("areas"))
    # Legal help: what residents need to know before trusting a provider.
    is_nonprofit = models.BooleanField(_("nonprofit"), default=False)
    is_free_or_low_cost = models.BooleanField(_("free or low cost"), default=False)
    doj_recognized = models.BooleanField(_("DOJ-recognized organization"), default=False)
    accredited_representatives = models.BooleanField(_("has DOJ-accredited representatives"), default=False)
    # As HSDS's assurance date: when someone last checked this listing, and who.
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    # Created by ingestion from a name in a newsletter: unverified until someone checks it.
    auto_created = models.BooleanField(_("found in a newsletter"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An editor said this name is not an organization ('Know Your Rights'): kept, so ingestion
    # recognises the name next time and links nothing to it.
    rejected = models.BooleanField(_("not an organization"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organization, self.name)
        super().save(*args, **kwargs)

    def merge_into(self, target: Organization) -> None:
        """Fold this organization into ``target``: its items, sources, contacts and members move
        there, its names become the target's aliases (so ingestion maps them there next time), and
        this record goes."""
        if target.pk == self.pk:
            raise ValueError("an organization cannot be merged into itself")
        with transaction.atomic():
            for related in (self.items, self.sources, self.contacts, self.members):
                related.update(organization=target)
            for item in self.mentioned_in.all():
                item.mentions.remove(self)
                item.mentions.add(target)
            target.areas.add(*self.areas.all())
            own = {n.casefold() for n in (target.name, target.acronym, *target.aliases) if n}
            for name in (self.name, self.acronym, *self.aliases):
                if name and name.casefold() not in own:
                    target.aliases.append(name)
                    own.add(name.casefold())
            target.save()
            self.delete()


class Source(models.Model):
    """Where documents come from: a partner's inbox address, a feed, or manual upload."""

    KIND_CHOICES = [
        ("email", _("e-mail")),
        ("feed", _("RSS/Atom feed")),
        ("upload", _("manual upload")),
        ("api", _("API submission")),
    ]
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default="upload")
    address = models.CharField(_("address or URL"), max_length=500, blank=True, db_index=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    trusted = models.BooleanField(
        _("trusted"), default=False, help_text=_("Publish its items without review (legal items still wait).")
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="America/Chicago")
    active = models.BooleanField(_("active"), default=True)
    poll_minutes = models.PositiveIntegerField(_("poll every (minutes)"), default=60)
    last_polled = models.DateTimeField(null=True, blank=True)
    etag = models.CharField(max_length=300, blank=True)
    modified = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["kind", "address"], name="unique_source_address")]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """An original as received: bytes and text verbatim, never edited."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="documents")
    content_hash = models.CharField(max_length=64, unique=True)
    raw = models.BinaryField()
    filename = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=10, default="text")  # text | html | email | feed
    text = models.TextField(blank=True)
    subject = models.CharField(max_length=500, blank=True)
    sender = models.CharField(max_length=300, blank=True)
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    # A feed entry's id (or an IMAP message's Message-ID): a changed entry updates its document.
    external_id = models.CharField(max_length=500, blank=True, db_index=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    reference_date = models.DateField(null=True, blank=True)
    timezone = models.CharField(max_length=64, default="America/Chicago")
    language = models.CharField(max_length=10, blank=True)
    error = models.TextField(
        _("error"), blank=True, help_text=_("Why extraction failed; the original is kept.")
    )
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.subject or self.filename or f"document {self.pk}"

    @property
    def organization(self):
        return self.source.organization


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)  # sniffed from the bytes, not the name
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    file = models.FileField(upload_to=attachment_path, max_length=300)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class Story(models.Model):
    """One story told by many items, from many sources."""

    title = models.CharField(_("title"), max_length=500)
    slug = models.SlugField(max_length=120, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Story, self.title)
        super().save(*args, **kwargs)


class ItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Item.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=Item.DRAFT)

    def urgent(self):
        return self.published().filter(urgent=True)

    def of_kind(self, *kinds: str):
        return self.filter(kind__in=kinds)

    def with_topic(self, slug: str):
        return self.filter(topics__slug=slug)

    def visible_to(self, user):
        """What a signed-in staff member may see: everything, or a partner's own organization."""
        from puente.accounts.roles import is_editor, partner_organization

        if is_editor(user):
            return self
        org = partner_organization(user)
        return self.none() if org is None else self.filter(organization=org)


class Item(models.Model):
    DRAFT, PUBLISHED, REJECTED, ARCHIVED = "draft", "published", "rejected", "archived"
    STATUS_CHOICES = [
        (DRAFT, _("draft")),
        (PUBLISHED, _("published")),
        (REJECTED, _("rejected")),
        (ARCHIVED, _("archived")),
    ]
    # Fields an editor may correct; once corrected, re-extraction never overwrites them.
    EDITABLE = (
        "kind",
        "title",
        "body",
        "language",
        "topics",
        "languages_offered",
        "organization",
        "deadline",
        "urgent",
        "pinned",
        "last_checked",
        "events",
        "contacts",
    )

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    kind = models.CharField(_("kind"), max_length=12, choices=KIND_CHOICES, default="news", db_index=True)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=DRAFT, db_index=True
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="items", verbose_name=_("topics"))
    languages_offered = models.JSONField(_("offered in languages"), default=list, blank=True)
    organizations_named = models.JSONField(default=list, blank=True)
    mentions = models.ManyToManyField(
        Organization, blank=True, related_name="mentioned_in", verbose_name=_("organizations named")
    )
    handles = models.JSONField(default=list, blank=True)
    refers_to_attachment = models.BooleanField(default=False)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    # Where in the document the item came from.
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    # Urgent updates: pinned on the home page and sent as alerts.
    urgent = models.BooleanField(_("urgent"), default=False)
    pinned = models.BooleanField(_("pinned on the home page"), default=False)
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    # What extraction produced, kept to compare with the editor's corrections.
    extracted = models.JSONField(default=dict, blank=True)
    corrected_fields = models.JSONField(default=list, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    # MinHash of the normalised text (uint32 values), kept so story matching never recomputes it.
    signature = models.BinaryField(blank=True, default=b"", editable=False)
    # Why an item from a trusted source still waits (e.g. it sounds like legal advice).
    review_note = models.CharField(_("review note"), max_length=200, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "position"]
        indexes = [models.Index(fields=["status", "-published_at"])]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return self.title

    @property
    def source_hash(self) -> str:
        """Changes whenever the original wording changes; translations compare against it."""
        return content_hash(f"{self.title}\n{self.body}")

    def publish(self, when=None) -> None:
        self.status = Item.PUBLISHED
        self.published_at = self.published_at or when or timezone.now()


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(item__status=Item.PUBLISHED)

    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now)).order_by(
            "start"
        )

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(models.Q(end__lt=now) | models.Q(end__isnull=True, start__lt=now)).order_by(
            "-start"
        )


class Event(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="events")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # stable for calendar apps
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day (no time given)"), default=False)
    timezone = models.CharField(_("time zone"), max_length=64, default="America/Chicago")
    location = models.CharField(_("place"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)
    rsvp_url = models.URLField(_("RSVP link"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.item.title} ({self.start:%Y-%m-%d})"


class Contact(models.Model):
    """A way to reach someone: on an item (as the newsletter gave it) or an organization."""

    KIND_CHOICES = [
        ("phone", _("phone")),
        ("email", _("e-mail")),
        ("url", _("link")),
        ("handle", _("social")),
    ]
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField(max_length=8, choices=KIND_CHOICES)
    value = models.CharField(max_length=500)
    label = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.value


class Translation(models.Model):
    CURRENT, OUTDATED = "current", "outdated"
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"))
    machine = models.BooleanField(_("machine translated"), default=False)
    source_hash = models.CharField(max_length=64)  # Item.source_hash when this was translated
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="one_translation_per_language")
        ]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self) -> str:
        return f"{self.item} [{self.language}]"

    @property
    def status(self) -> str:
        return self.CURRENT if self.source_hash == self.item.source_hash else self.OUTDATED


class Page(models.Model):
    """Know-your-rights and other content pages; language versions share ``translation_key``."""

    translation_key = models.UUIDField(default=uuid.uuid4, db_index=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    slug = models.SlugField(max_length=120)
    title = models.CharField(_("title"), max_length=300)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"), help_text=_("Plain text; blank lines separate paragraphs."))
    needs_legal_review = models.BooleanField(_("awaiting review by a lawyer"), default=True)
    published = models.BooleanField(_("published"), default=False)
    order = models.PositiveSmallIntegerField(default=100)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="unique_page_slug_language"),
            models.UniqueConstraint(fields=["translation_key", "language"], name="one_page_per_language"),
        ]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class AuditLog(models.Model):
    """Every editorial change: who, when, what, before and after."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=40)
    model = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.model}#{self.object_id}"


def unique_slug(model, text: str, max_length: int = 100) -> str:
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base[: max_length - 6]}-{n}"
        n += 1
    return slug
