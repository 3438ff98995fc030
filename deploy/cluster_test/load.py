"""The load: residents sign up and cancel, visitors send consultation requests, all through nginx over TLS.

Each simulated person keeps their own connection from their own loopback address (127.0.0.x), so nginx
reports different client addresses and the per-address limits are really per person. Every answer the
portal gave is recorded: only what was acknowledged (a redirect to the success page) is later required
to be in the database.
"""

import http.client
import random
import re
import secrets
import ssl
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

CONTEXT = ssl._create_unverified_context()  # noqa: S323 - our own self-signed certificate on loopback
CANCEL_FORM = re.compile(r'action="(/mypage/signups/(\d+)/cancel/)"')


@dataclass
class Record:
    """What the load saw; shared by all threads under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    errors: Counter = field(default_factory=Counter)
    signups: set = field(default_factory=set)  # (user_id, session_id) acknowledged
    cancels: set = field(default_factory=set)  # sign-up ids acknowledged as cancelled
    consultations: dict = field(default_factory=dict)  # marker -> client address, acknowledged
    limited: Counter = field(default_factory=Counter)  # client address -> 429 answers

    def count(self, status: int | None, what: str) -> None:
        with self.lock:
            self.requests += 1
            if status is None or status >= 500:
                self.errors[f"{what} {status or 'connection failed'}"] += 1


class Browser:
    """One person: a keep-alive connection from one loopback address, with cookies."""

    def __init__(self, port: int, address: str, cookies: dict):
        self.port, self.address = port, address
        self.csrf = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and header
        self.cookies = {"csrftoken": self.csrf, **cookies}
        self.connection = None

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int | None, dict, str]:
        headers = {
            "Host": f"127.0.0.1:{self.port}", "Referer": f"https://127.0.0.1:{self.port}/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "X-CSRFToken": self.csrf,
            "Accept-Language": "ja",
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            if self.connection is None:
                self.connection = http.client.HTTPSConnection(
                    "127.0.0.1", self.port, context=CONTEXT, timeout=30, source_address=(self.address, 0))
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
        except (OSError, http.client.HTTPException):
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            return None, {}, ""
        answer = {key.lower(): value for key, value in response.getheaders()}
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, answer, text


def resident(port, address, person, sessions, record: Record, deadline, budget, rng: random.Random):
    """Signs up for sessions, and now and then cancels one of their own sign-ups from マイページ."""
    browser = Browser(port, address, {"sessionid": person["cookie"]})
    while time.monotonic() < deadline and record.requests < budget:
        if rng.random() < 0.65:
            session_id = rng.choice(sessions)
            status, headers, _ = browser.request(
                "POST", f"/sessions/{session_id}/signup/", {"party_size": "1", "note": ""})
            record.count(status, "sign-up")
            if status is None or status >= 500:
                time.sleep(1)  # a person whose page failed waits a moment before trying again
            if status == 302 and headers.get("location", "").endswith(f"/sessions/{session_id}/"):
                with record.lock:
                    record.signups.add((person["id"], session_id))
        else:
            status, _, page = browser.request("GET", "/mypage/")
            record.count(status, "mypage")
            forms = CANCEL_FORM.findall(page) if status == 200 else []
            if forms:
                path, signup_id = rng.choice(forms)
                status, headers, _ = browser.request("POST", path, {})
                record.count(status, "cancel")
                if status == 302 and headers.get("location", "").endswith("/mypage/"):
                    with record.lock:
                        record.cancels.add(int(signup_id))
        time.sleep(rng.uniform(0.05, 0.25))


def visitor(port, address, tries, record: Record, deadline, rng: random.Random):
    """Sends consultation requests without an account, more than the limit allows, from one address."""
    browser = Browser(port, address, {})
    for number in range(tries):
        if time.monotonic() >= deadline:
            return
        marker = f"cluster-{address}-{number}-{secrets.token_hex(4)}"
        form = {"topic": "living", "message": f"生活のことで相談したいです。（{marker}）", "language": "ja",
                "is_anonymous": "on", "consent": "on"}
        status, headers, _ = browser.request("POST", "/hiroba/request/", form)
        record.count(status, "consultation")
        if status == 302 and headers.get("location", "").endswith("/hiroba/request/sent/"):
            with record.lock:
                record.consultations[marker] = address
        elif status == 429:
            with record.lock:
                record.limited[address] += 1
        time.sleep(rng.uniform(0.5, 2.5))
