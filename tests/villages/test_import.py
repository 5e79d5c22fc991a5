"""Homestay spreadsheet import and export: files built here, results read from the DB."""

import csv
import io
import unicodedata

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from openpyxl import Workbook
from wagtail.models import GroupPagePermission, WorkflowState

from tests.factories.site import VILLAGE, VILLAGE2
from villages.importing import FileRefused, import_homestays
from villages.importing.exporting import export_file
from villages.models import HomestayPage

pytestmark = pytest.mark.django_db

# Headers as docs/IMPORT.md names them (English labels).
HEADER = [
    "Key",
    "Village",
    "Name (vi)",
    "Name (en)",
    "Introduction (vi)",
    "Introduction (en)",
    "Guests",
    "Rooms",
    "Lowest price (VND)",
    "Highest price (VND)",
    "Price basis",
    "Amenities",
    "Phone",
    "Zalo",
    "Latitude",
    "Longitude",
    "Check-in from",
    "Check-out by",
]


def row(n, **changes):
    values = {
        "Key": f"LN-{n:02d}",
        "Village": VILLAGE["title_vi"],
        "Name (vi)": f"Nhà nghỉ Đồng Văn số {n}",
        "Name (en)": f"Đồng Văn guesthouse no. {n}",
        "Introduction (vi)": "Nhà sàn gỗ, có bếp lửa.",
        "Introduction (en)": "A wooden stilt house with a hearth.",
        "Guests": "6",
        "Rooms": "2",
        "Lowest price (VND)": "250.000",
        "Highest price (VND)": "400000",
        "Price basis": "per room",
        "Amenities": "Nước nóng; Meals",
        "Phone": "0912 345 678",
        "Zalo": "0912345678",
        "Latitude": "21,5300",
        "Longitude": "107.4000",
        "Check-in from": "14:00",
        "Check-out by": "11h",
    }
    values.update(changes)
    return [values[h] for h in HEADER if h in values]


TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text):
    """What Vietnamese Windows writes: base letters, then the tone as a combining mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + tone).encode("cp1258")
    return out


def csv_bytes(rows, header=HEADER, encoding="utf-8"):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    if encoding == "cp1258":
        return windows_1258(buffer.getvalue())
    return buffer.getvalue().encode(encoding)


def imported():
    return HomestayPage.objects.filter(import_key__startswith="LN-").order_by("import_key")


def errors_of(result):
    return [(e.row, e.column) for e in result.errors]


def test_a_good_file_creates_each_homestay_in_both_languages(test_site):
    result = import_homestays(csv_bytes([row(1), row(2), row(3)]), "nha.csv")
    assert result.ok, result.errors
    pages = list(imported())
    assert len(pages) == 3
    first = pages[0]
    assert first.get_parent().specific == test_site.village
    assert first.title_vi == "Nhà nghỉ Đồng Văn số 1"
    assert first.title_en == "Đồng Văn guesthouse no. 1"
    assert first.slug_vi == "nha-nghi-dong-van-so-1"
    assert first.slug_en == "dong-van-guesthouse-no-1"
    assert first.introduction_en == "A wooden stilt house with a hearth."
    assert (first.price_min, first.price_max, first.capacity, first.rooms) == (250000, 400000, 6, 2)
    assert first.latitude == pytest.approx(21.53)
    assert str(first.check_out_time) == "11:00:00"
    assert sorted(a.slug for a in first.amenities.all()) == ["hot-water", "meals"]
    assert first.live


def test_the_same_file_again_changes_nothing():
    data = csv_bytes([row(1), row(2)])
    import_homestays(data, "nha.csv")
    revisions = [p.revisions.count() for p in imported()]
    again = import_homestays(data, "nha.csv")
    assert again.ok and again.unchanged == 2 and not again.created and not again.updated
    assert imported().count() == 2
    assert [p.revisions.count() for p in imported()] == revisions


def test_an_edited_file_updates_the_homestay_in_place():
    import_homestays(csv_bytes([row(1), row(2)]), "nha.csv")
    pk = imported().first().pk
    result = import_homestays(
        csv_bytes([row(1, **{"Highest price (VND)": "500000"}), row(2)]), "nha.csv"
    )
    assert result.ok and len(result.updated) == 1 and result.unchanged == 1
    page = HomestayPage.objects.get(import_key="LN-01")
    assert page.pk == pk and page.price_max == 500000
    assert imported().count() == 2


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"Lowest price (VND)": "hai trăm nghìn"}, "Lowest price (VND)"),
        ({"Lowest price (VND)": "500000", "Highest price (VND)": "300000"}, "Highest price (VND)"),
        ({"Village": "Bản Không Có"}, "Village"),
        ({"Phone": "12345"}, "Phone"),
        ({"Amenities": "Bể bơi"}, "Amenities"),
        ({"Latitude": "48.85"}, "Latitude"),
        ({"Name (vi)": ""}, "Name (vi)"),
    ],
)
def test_a_bad_row_is_reported_by_number_and_column_and_nothing_is_written(changes, column):
    result = import_homestays(csv_bytes([row(1), row(2, **changes), row(3)]), "nha.csv")
    assert errors_of(result) == [(3, column)]
    assert imported().count() == 0


def test_a_duplicate_key_is_reported_on_its_second_row():
    with translation.override("en"):
        result = import_homestays(csv_bytes([row(1), row(2), row(3, Key="LN-01")]), "nha.csv")
    assert errors_of(result) == [(4, "Key")]
    assert str(result.errors[0].message) == "The key LN-01 is already used on row 2."
    assert imported().count() == 0


def test_a_missing_column_is_reported_and_nothing_is_written():
    header = [h for h in HEADER if h != "Guests"]
    data = csv_bytes([row(1)[:6] + row(1)[7:]], header=header)
    with translation.override("en"):
        assert errors_of(import_homestays(data, "nha.csv")) == [(1, "Guests")]
    with translation.override("vi"):
        assert errors_of(import_homestays(data, "nha.csv")) == [(1, "Số khách")]
    assert imported().count() == 0


def test_errors_are_reported_in_the_staff_members_language():
    with translation.override("vi"):
        result = import_homestays(csv_bytes([row(1, **{"Lowest price (VND)": "abc"})]), "nha.csv")
        assert "số nguyên" in result.errors[0].message


def test_a_utf16_file_from_excel_is_read_with_its_accents():
    result = import_homestays(csv_bytes([row(1)], encoding="utf-16"), "nha.csv")
    assert result.ok, result.errors
    assert imported().get().title_vi == "Nhà nghỉ Đồng Văn số 1"


def test_a_utf8_file_with_a_byte_order_mark_is_read():
    result = import_homestays(csv_bytes([row(1)], encoding="utf-8-sig"), "nha.csv")
    assert result.ok, result.errors
    assert imported().count() == 1


def test_a_windows_1258_file_is_refused_with_how_to_resave_it():
    data = csv_bytes([row(1, **{"Name (vi)": "Nhà nghỉ Bình Liêu"})], encoding="cp1258")
    assert data.decode("cp1258")  # a real Windows-1258 file
    with translation.override("en"), pytest.raises(FileRefused) as refused:
        import_homestays(data, "nha.csv")
    assert "CSV UTF-8" in str(refused.value.message)
    assert imported().count() == 0


@pytest.mark.parametrize("data", [b"", b"\n\n", b"Key,Village\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(FileRefused):
        import_homestays(data, "nha.csv")


def test_an_xlsx_file_is_imported():
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    cells = row(1)
    cells[HEADER.index("Guests")] = 6  # numbers as Excel stores them
    cells[HEADER.index("Phone")] = 912345678  # leading zero lost by Excel
    cells[HEADER.index("Latitude")] = 21.53
    sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_homestays(buffer.getvalue(), "nha.xlsx")
    assert result.ok, result.errors
    assert imported().get().phone == "0912345678"


def test_ten_thousand_rows_with_one_bad_row_write_nothing():
    rows = [row(n, Key=f"LN-{n:05d}") for n in range(1, 10001)]
    rows[7000][HEADER.index("Guests")] = "nhiều"
    result = import_homestays(csv_bytes(rows), "nha.csv")
    assert errors_of(result) == [(7002, "Guests")]
    assert imported().count() == 0


def commune_editor():
    """An editor who may add and change pages under the first test village only."""
    from django.contrib.auth import get_user_model

    from tests.factories.site import TestSite

    village = TestSite().village
    group = Group.objects.create(name="Biên tập viên xã (thử)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=village, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user("bientap", password="x")
    user.groups.add(group)
    return user


def test_a_commune_editors_import_is_a_draft_awaiting_moderation():
    result = import_homestays(csv_bytes([row(1)]), "nha.csv", user=commune_editor())
    assert result.ok, result.errors
    page = imported().get()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert result.moderation == 1 and result.published == 0


def test_a_commune_editor_cannot_import_into_another_village():
    result = import_homestays(
        csv_bytes([row(1, Village=VILLAGE2["title_vi"])]), "nha.csv", user=commune_editor()
    )
    assert errors_of(result) == [(2, "Village")]
    assert imported().count() == 0


@pytest.mark.parametrize(("fmt", "language"), [("csv", "vi"), ("xlsx", "en")])
def test_an_export_imported_again_changes_nothing(fmt, language):
    import_homestays(csv_bytes([row(1), row(2)]), "nha.csv")
    count = HomestayPage.objects.count()
    data, _type, name = export_file(fmt, language)
    result = import_homestays(data, name)
    assert result.ok, result.errors
    assert result.unchanged == count and not result.created and not result.updated
    assert HomestayPage.objects.count() == count


def test_a_commune_editor_imports_in_the_vietnamese_admin_and_sees_moderation(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.users.models import UserProfile

    user = commune_editor()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(user)
    url = "/admin/homestays/import/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Nhập danh sách homestay" in page.content.decode()
    upload = SimpleUploadedFile("nha.csv", csv_bytes([row(1)]), content_type="text/csv")
    response = client.post(url, {"file": upload})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Đang chờ duyệt: 1" in text
    assert not imported().get().live


def test_the_admin_shows_each_bad_row_in_vietnamese(admin_client, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    data = csv_bytes([row(1), row(2, **{"Guests": "nhiều"})])
    response = admin_client.post(
        "/admin/homestays/import/", {"file": SimpleUploadedFile("nha.csv", data)}
    )
    text = response.content.decode()
    assert "Không có gì được nhập" in text
    assert "<td>3</td>" in text and "<td>Guests</td>" in text
    assert imported().count() == 0


def test_templates_download_with_headers_in_each_language(admin_client):
    vi = admin_client.get("/admin/homestays/template-vi.csv").content.decode("utf-8-sig")
    en = admin_client.get("/admin/homestays/template-en.csv").content.decode("utf-8-sig")
    assert vi.startswith("Mã,Bản,Tên (vi),Tên (en)")
    assert en.startswith("Key,Village,Name (vi),Name (en)")


def test_the_command_imports_a_file_and_reports_bad_rows(tmp_path):
    from django.core.management import CommandError, call_command

    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([row(1), row(2)]))
    progress, out = io.StringIO(), io.StringIO()
    call_command("import_homestays", str(good), stdout=out, stderr=progress)
    assert imported().count() == 2
    assert "[##############################] 100%" in progress.getvalue()
    assert "new 2" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row(3, **{"Phone": "123"})]))
    with pytest.raises(CommandError):
        call_command("import_homestays", str(bad), verbosity=0)
    assert imported().count() == 2


def test_the_export_command_writes_a_file_that_imports_unchanged(tmp_path):
    from django.core.management import call_command

    import_homestays(csv_bytes([row(1)]), "nha.csv")
    target = tmp_path / "homestays.xlsx"
    call_command("export_homestays", str(target), "--language", "en", stdout=io.StringIO())
    result = import_homestays(target.read_bytes(), target.name)
    assert result.ok and not result.created and not result.updated


@pytest.mark.parametrize("active", ["en", "vi"])
def test_an_import_from_either_admin_language_keeps_each_language_its_own_title(active):
    # The admin's language is active while an import runs; it must not decide which
    # language's title a row writes (the English column once received the Vietnamese title).
    with translation.override(active):
        result = import_homestays(csv_bytes([row(1)]), "nha.csv")
        assert result.ok, result.errors
        data, _type, name = export_file("csv", "vi")
        again = import_homestays(data, name)
    page = HomestayPage.objects.get(import_key="LN-01")
    assert again.ok and not again.updated and not again.created
    assert (page.title_vi, page.title_en) == ("Nhà nghỉ Đồng Văn số 1", "Đồng Văn guesthouse no. 1")
