import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from puente.catalog.models import Attachment, Document, Event, Item, Organization, Source
from puente.ops.backup import BackupError, backup, restore


@pytest.fixture
def files_dir(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "files")},
        },
    }
    return tmp_path / "files"


def _content(organization):
    source = Source.objects.create(name="Lakeside letters", organization=organization)
    doc = Document.objects.create(source=source, content_hash="ab" * 32, raw=b"Hola\n", text="Hola")
    att = Attachment(
        document=doc, filename="flyer.pdf", content_type="application/pdf", size=8, sha256="cd" * 32
    )
    att.file.save("flyer.pdf", ContentFile(b"%PDF-1.4"), save=True)
    item = Item.objects.create(document=doc, organization=organization, title="Clínica legal", body="Gratis")
    item.publish()
    item.save()
    Event.objects.create(item=item, start="2027-01-09T16:00:00Z", location="Centro Lakeside")
    return item


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_restores_what_it_backed_up(tmp_path, files_dir, organization, editor):
    item = _content(organization)
    archive = tmp_path / "b.tar.gz"
    manifest = backup(archive)
    assert manifest["objects"] > 4

    Item.objects.all().delete()
    Document.objects.all().delete()
    Organization.objects.all().delete()
    restore(archive)

    restored = Item.objects.get(uuid=item.uuid)
    assert restored.title == "Clínica legal" and restored.status == Item.PUBLISHED
    assert restored.events.get().location == "Centro Lakeside"
    att = restored.document.attachments.get()
    assert att.file.read() == b"%PDF-1.4"
    assert restored.organization.name == organization.name


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_refuses_to_restore_over_content(tmp_path, files_dir, organization):
    _content(organization)
    archive = tmp_path / "b.tar.gz"
    backup(archive)
    with pytest.raises(BackupError, match="documents or items"):
        restore(archive)


@pytest.mark.django_db
def test_it_refuses_a_file_that_is_not_a_backup(tmp_path):
    import tarfile

    bogus = tmp_path / "x.tar.gz"
    with tarfile.open(bogus, "w:gz"):
        pass
    with pytest.raises(BackupError, match="not a Puente backup"):
        restore(bogus)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_commands_round_trip(tmp_path, files_dir, organization, capsys):
    _content(organization)
    archive = tmp_path / "cmd.tar.gz"
    call_command("backup", str(archive))
    Item.objects.all().delete()
    Document.objects.all().delete()
    call_command("restore", str(archive))
    assert Item.objects.count() == 1
    assert "restored" in capsys.readouterr().out
