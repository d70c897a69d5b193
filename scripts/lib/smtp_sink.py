"""A real SMTP server for the scripts (aiosmtpd): accepts every message on 127.0.0.1:<port> and appends one line per
recipient to <file>: the recipient and the message's Message-ID, tab-separated. Runs until it is killed."""
import sys
import time
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Record:
    def __init__(self, path):
        self.path = path

    async def handle_DATA(self, server, session, envelope):
        message_id = message_from_bytes(envelope.original_content or envelope.content).get("Message-ID", "").strip("<> ")
        with open(self.path, "a", encoding="utf-8") as out:
            for recipient in envelope.rcpt_tos:
                out.write(f"{recipient}\t{message_id}\n")
        return "250 OK"


controller = Controller(Record(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print(f"SMTP on 127.0.0.1:{sys.argv[1]}", flush=True)
while True:
    time.sleep(3600)
