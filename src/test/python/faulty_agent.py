#!/usr/bin/env python3
"""The sample agent with one fault, for the kit's tests of DUT faults: the transmit or receive whose
sequence number is --at makes it exit, hang, answer with a malformed message, or answer with an error.
Every other request gets the sample's correct answer, so a run against it shows what one fault costs."""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "agents", "python"))
import offloadkit_agent  # noqa: E402


class FaultyAdapter(offloadkit_agent.Adapter):
    def __init__(self, at, fault, marker):
        super().__init__()
        self.at, self.fault, self.marker = at, fault, marker

    def transmit(self, packet):
        return self.misbehave(packet["sequence"]) or super().transmit(packet)

    def receive(self, batch):
        return self.misbehave(batch["sequence"]) or super().receive(batch)

    def misbehave(self, sequence):
        if sequence != self.at:
            return None
        if self.marker:
            with open(self.marker, "w") as f:
                f.write(str(os.getpid()))
        if self.fault == "exit":
            print("simulated crash on call %d" % sequence, file=sys.stderr, flush=True)
            os._exit(3)
        if self.fault == "hang":
            time.sleep(3600)
        if self.fault == "malformed":
            return {"result": {"success": True, "frames": ["this is not base64!"]},
                    "indications": [{"frame": "this is not base64!"}]}
        raise RuntimeError("simulated driver failure on call %d" % sequence)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at", type=int, required=True, metavar="SEQUENCE")
    parser.add_argument("--fault", choices=("exit", "hang", "malformed", "error"), required=True)
    parser.add_argument("--marker", metavar="FILE", help="written with the agent's pid when the fault happens")
    args = parser.parse_args()
    out = sys.stdout.buffer

    def write(data):
        out.write(data)
        out.flush()
    offloadkit_agent.serve(sys.stdin.buffer, write, FaultyAdapter(args.at, args.fault, args.marker))


if __name__ == "__main__":
    main()
