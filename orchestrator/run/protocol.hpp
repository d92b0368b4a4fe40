#pragma once
// The wire protocol between rank 0 and the workers: message tags, payloads and their
// encoding. Payloads are JSON text in MPI_CHAR messages — small next to the measurements,
// and readable when debugging. This file is the single owner of the protocol.
//
//   worker -> 0   hello    {rank, node, host info, capabilities}        once, at start
//   0 -> worker   assign   {case}                                        one case at a time
//   worker -> 0   result   {case_id, started, ended, host, outcome}      one per assign
//   0 -> worker   cancel   {}                                            abort the case in flight
//   0 -> worker   stop     {}                                            leave the loop
//   worker -> 0   doorbell int: 1 if it connected its doorbell            once, before hello
//                          (doorbells.hpp; every other message is preceded by a ring)
//   0 <-> leader  relay    frames: {worker rank, tag, payload}...         with --leaders (leader_loop.hpp)
//
// A relay carries, between rank 0 and a node's leader, any number of the messages above for
// the workers behind that leader, in a binary framing around their JSON payloads.

#include "measure/model/case.hpp"
#include "measure/model/host_info.hpp"
#include "measure/model/sample.hpp"

#include <mpi.h>

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::protocol {

enum Tag : int { hello = 1, assign = 2, result = 3, cancel = 4, stop = 5, doorbell = 6, relay = 7 };

struct Hello {
    int rank = 0;
    int node = 0;
    HostInfo host;
    std::vector<std::string> capabilities;
};

struct Result {
    std::string case_id;
    // The rank that measured it: set by the receiving side from the message's source (two
    // rounds of one case may be in flight at once, so the case id alone does not say).
    int rank = -1;
    std::string host;
    double started = 0, ended = 0;  // unix seconds
    CaseOutcome outcome;
};

// Encoding (also used by tests; no MPI involved).
std::string encode(const Hello& h);
std::string encode(const Case& c);
std::string encode(const Result& r);
Hello decode_hello(const std::string& text);
Case decode_case(const std::string& text);
Result decode_result(const std::string& text);

// One message inside a relay: `rank` is the worker it is from (toward rank 0) or for (from it).
struct Frame {
    int rank = -1;
    Tag tag = stop;
    std::string payload;
};
std::string encode_frames(const std::vector<Frame>& frames);
std::vector<Frame> decode_frames(const std::string& bytes);  // throws on a malformed relay

// Transport.
void send(int dest, Tag tag, const std::string& payload, MPI_Comm comm = MPI_COMM_WORLD);
struct Message {
    int source = -1;  // of a relayed message: the worker it is from or for (Frame::rank)
    Tag tag = stop;
    std::string payload;
    bool relayed = false;  // it came inside a relay
};
// A pending message from `source` (MPI_ANY_SOURCE allowed) with `tag` (MPI_ANY_TAG
// allowed), received if there is one; never blocks.
std::optional<Message> poll(int source, int tag, MPI_Comm comm = MPI_COMM_WORLD);
// Waits for a message without spinning a core: an idle rank shares its node with ranks
// that are measuring, and MPI's own blocking receive busy-polls.
Message wait(int source, int tag, MPI_Comm comm = MPI_COMM_WORLD);

}  // namespace perfmatrix::protocol
