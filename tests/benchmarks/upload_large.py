"""Benchmark: a 500 MB video sent through the public contribution form to a real server.

    .venv/bin/python tests/benchmarks/upload_large.py [--mb 500] [--keep]

Makes a valid MP4 (ffmpeg's test pattern when ffmpeg is there, else a minimal ftyp/moov
header) padded to the size with a trailing 'free' box, starts `manage.py runserver`
(no reloader, no threading) on a fresh SQLite database in a temporary folder, seeds a
community and the contribute page, and posts the form as a browser would: CSRF cookie
and token, a streamed multipart body. It prints the server process's resident memory
before and at its peak during the upload (sampled from /proc every 20 ms) and the time,
next to a plain file copy of the same file. Target: growth < 50 MB. This is a script,
not a test: numbers are reported, not asserted.
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
MB = 1024 * 1024


def make_video(path: Path, megabytes: int) -> None:
    """A real little MP4 followed by a 'free' box that pads it to the size (still valid MP4)."""
    head = None
    if shutil.which("ffmpeg"):
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "head.mp4"
            subprocess.run(
                [
                    "ffmpeg",
                    "-v",
                    "error",
                    "-y",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=size=320x240:rate=15:duration=2",
                    "-pix_fmt",
                    "yuv420p",
                    "-movflags",
                    "+faststart",
                    str(target),
                ],
                check=False,
                timeout=120,
            )
            if target.exists():
                head = target.read_bytes()
    if head is None:
        head = (24).to_bytes(4, "big") + b"ftypisom" + b"\0\0\2\0" + b"isomiso2" + (8).to_bytes(4, "big") + b"moov"
    padding = megabytes * MB - len(head) - 8
    block = os.urandom(MB)
    with open(path, "wb") as out:
        out.write(head)
        out.write((padding + 8).to_bytes(4, "big") + b"free")
        while padding > 0:
            out.write(block[: min(MB, padding)])
            padding -= MB


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.02)


SEED = """
from wagtail.models import Site
from contributions.models import ContributePage
from stories.models import CommunityIndexPage, CommunityPage
home = Site.objects.get(is_default_site=True).root_page
index = home.add_child(instance=CommunityIndexPage(title="Gemeenschappen", slug="gemeenschappen"))
index.add_child(instance=CommunityPage(title="Kaapverdianen", slug="kaapverdianen"))
home.add_child(instance=ContributePage(title="Bijdragen", slug="bijdragen",
    consent_text="<p>Ik geef toestemming.</p>", consent_text_version="1"))
"""


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def multipart(fields, file_field, file_path, boundary):
    """(length, iterator) of a multipart body, the file read in 1 MB chunks."""
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_path.name}"\r\n'
        "Content-Type: video/mp4\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    length = sum(len(p) for p in parts) + len(head) + file_path.stat().st_size + len(tail)

    def body():
        yield from parts
        yield head
        with open(file_path, "rb") as handle:
            while chunk := handle.read(MB):
                yield chunk
        yield tail

    return length, body()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bk-upload-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "UPLOADS_DIR": str(work / "uploads"),
        "CONTRIBUTIONS_UPLOADS_DIR": str(work / "contributions"),
        "PRIVATE_UPLOADS_DIR": str(work / "private"),
        "SEARCH_URL": "",
        "DEBUG": "0",
        "CONTRIBUTION_RATE_LIMIT": "1000",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TMPDIR": str(work / "tmp"),
    }
    (work / "tmp").mkdir()
    server = None
    try:
        video = work / "interview.mp4"
        start = time.perf_counter()
        make_video(video, args.mb)
        print(f"video: {video.stat().st_size / MB:.0f} MB made in {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        subprocess.run([PYTHON, "manage.py", "shell", "-c", SEED], cwd=ROOT, env=env, check=True)
        print(f"database: migrated and seeded in {time.perf_counter() - start:.1f} s")

        port = free_port()
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)

        def form():
            response, data = request(port, "GET", "/bijdragen/")
            assert response.status == 200, response.status
            cookie = SimpleCookie(response.getheader("Set-Cookie"))["csrftoken"].value
            html = data.decode()
            token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
            community = re.search(r'<option value="(\d+)">Kaapverdianen', html).group(1)
            language = re.search(r'<option value="(\d+)">Nederlands', html).group(1)
            return cookie, token, community, language

        def fields(cookie, token, community, language, title):
            return [
                ("csrfmiddlewaretoken", cookie),
                ("form_token", token),
                ("community", community),
                ("kind", "story"),
                ("title", title),
                ("text", "Een lang interview."),
                ("language", language),
                ("name_display", "pseudonym"),
                ("full_name", ""),
                ("pseudonym", "Nha Nina"),
                ("email", ""),
                ("consent_uses", "online"),
                ("licence", "https://creativecommons.org/licenses/by/4.0/"),
                ("consent_agreed", "on"),
                ("consent_text_version", "1"),
                ("kept_files", ""),
                ("website", ""),
            ]

        # Warm up: the form page and a small submission load every module the big one needs.
        cookie, token, community, language = form()
        small = work / "small.mp4"
        make_video(small, 3)
        boundary = secrets.token_hex(16)
        length, body = multipart(fields(cookie, token, community, language, "Warm-up"), "files", small, boundary)
        response, _ = request(
            port,
            "POST",
            "/bijdragen/",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Content-Length": str(length),
                "Cookie": f"csrftoken={cookie}",
                "Referer": f"http://127.0.0.1:{port}/bijdragen/",
            },
        )
        assert response.status == 302, f"warm-up upload answered {response.status}"

        cookie, token, community, language = form()
        time.sleep(0.5)
        before = rss_kb(server.pid)
        high_water_before = rss_kb(server.pid, "VmHWM")
        sampler = Sampler(server.pid)
        sampler.start()
        boundary = secrets.token_hex(16)
        length, body = multipart(
            fields(cookie, token, community, language, "Het lange interview"), "files", video, boundary
        )
        start = time.perf_counter()
        response, data = request(
            port,
            "POST",
            "/bijdragen/",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Content-Length": str(length),
                "Cookie": f"csrftoken={cookie}",
                "Referer": f"http://127.0.0.1:{port}/bijdragen/",
            },
        )
        upload_seconds = time.perf_counter() - start
        sampler.running = False
        sampler.join()
        high_water_after = rss_kb(server.pid, "VmHWM")
        if response.status != 302:
            print(data.decode()[:3000])
            raise SystemExit(f"upload answered {response.status}")

        stored = [p for p in (work / "contributions" / "blobs").rglob("*") if p.is_file()]
        biggest = max(p.stat().st_size for p in stored)
        assert biggest == video.stat().st_size, "stored file has the wrong size"

        copy_target = work / "contributions" / "copy.mp4"
        start = time.perf_counter()
        shutil.copyfile(video, copy_target)
        copy_seconds = time.perf_counter() - start

        size_mb = video.stat().st_size / MB
        print(
            f"upload: {size_mb:.0f} MB through the form in {upload_seconds:.1f} s "
            f"({size_mb / upload_seconds:.0f} MB/s), answered {response.status} -> {response.getheader('Location')[:40]}…"  # noqa: E501
        )
        print(f"plain file copy of the same file: {copy_seconds:.1f} s ({size_mb / copy_seconds:.0f} MB/s)")
        print(
            f"server RSS: {before / 1024:.1f} MB before, peak {sampler.peak / 1024:.1f} MB during the upload, "
            f"growth {(sampler.peak - before) / 1024:.1f} MB (target < 50 MB); "
            f"kernel high-water mark {high_water_before / 1024:.1f} -> {high_water_after / 1024:.1f} MB"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
