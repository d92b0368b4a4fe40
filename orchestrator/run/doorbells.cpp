#include "orchestrator/run/doorbells.hpp"

#include "orchestrator/run/protocol.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <ifaddrs.h>
#include <mpi.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace perfmatrix {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int connect_timeout_ms = 1000;  // per address rank 0 offers
constexpr int reply_timeout_ms = 3000;    // rank 0 answers as soon as it accepts
constexpr auto dial_budget = std::chrono::seconds(10);
constexpr char accepted_byte = 'k';
constexpr std::uint32_t watched = UINT32_MAX;  // epoll data of fds that are not doorbells

// What rank 0 broadcasts: where to connect, and the token that proves a caller is one of ours
// (anyone on the network can connect to a listening port).
struct Invitation {
    std::uint64_t token = 0;
    int port = 0;  // 0: rank 0 has no doorbells to offer
    std::string host;
    std::string local = "-";  // the hub's Unix socket (abstract), for callers on its host; "-": none
    std::vector<std::string> addresses;
};

std::string encode(const Invitation& inv) {
    std::string s = fmt::format("{} {} {} {}", inv.token, inv.port, inv.host, inv.local);
    for (const auto& a : inv.addresses) s += " " + a;
    return s;
}

Invitation decode(const std::string& text) {
    Invitation inv;
    std::istringstream in(text);
    in >> inv.token >> inv.port >> inv.host >> inv.local;
    for (std::string a; in >> a;) inv.addresses.push_back(a);
    return inv;
}

// The greeting a worker sends on its new connection.
struct Greeting {
    std::uint64_t token;
    std::int32_t rank;
};

bool disabled() {
    const char* v = std::getenv("PERFMATRIX_DOORBELLS");
    return v && std::string_view(v) == "off";
}

std::string this_host() {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0) return "?";
    return name.data();
}

// Rank 0's IPv4 addresses, loopback first: a worker on rank 0's host uses it, the others skip it.
std::vector<std::string> ipv4_addresses() {
    std::vector<std::string> loopback, others;
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) return {"127.0.0.1"};
    for (const ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP)) continue;
        std::array<char, INET_ADDRSTRLEN> text{};
        const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        if (!::inet_ntop(AF_INET, &in->sin_addr, text.data(), text.size())) continue;
        ((i->ifa_flags & IFF_LOOPBACK) ? loopback : others).emplace_back(text.data());
    }
    ::freeifaddrs(list);
    loopback.insert(loopback.end(), others.begin(), others.end());
    return loopback;
}

bool wait_for(int fd, short events, int timeout_ms) {
    pollfd p{fd, events, 0};
    int rc;
    while ((rc = ::poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {
    }
    return rc == 1 && (p.revents & events);
}

void set_nonblocking(int fd, bool on) {
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK);
}

// A one-byte ring must leave at once, not wait for Nagle's acknowledgement timer.
void no_delay(int fd) {
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

UniqueFd listen_any(int backlog, int& port) {
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return {};
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    socklen_t len = sizeof addr;
    if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd.get(), backlog) != 0 ||
        ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        return {};
    port = ntohs(addr.sin_port);
    return fd;
}

// Says who we are on a fresh connection and waits for the hub's acceptance; the connection, or
// none.
UniqueFd greet(UniqueFd fd, const Greeting& greeting) {
    int error = 0;
    socklen_t len = sizeof error;
    if (!wait_for(fd.get(), POLLOUT, connect_timeout_ms) ||
        ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0)
        return {};
    if (::send(fd.get(), &greeting, sizeof greeting, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof greeting)) return {};
    char reply = 0;
    if (!wait_for(fd.get(), POLLIN, reply_timeout_ms) || ::recv(fd.get(), &reply, 1, 0) != 1 || reply != accepted_byte)
        return {};
    return fd;
}

// A TCP connection to the hub that it accepted, or none.
UniqueFd dial(const std::string& address, int port, const Greeting& greeting) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1) return {};
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return {};
    if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) return {};
    no_delay(fd.get());
    return greet(std::move(fd), greeting);
}

// A Unix socket in the abstract namespace (no file to clean up): `name` without its leading NUL.
sockaddr_un abstract_address(const std::string& name, socklen_t& len) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::size_t n = std::min(name.size(), sizeof addr.sun_path - 1);
    std::memcpy(addr.sun_path + 1, name.data(), n);
    len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + n);
    return addr;
}

// The same, over the hub's Unix socket: for a caller on the hub's host (the ranks of a leader's
// node, rank 0's own node), where a ring costs a third of one over TCP loopback.
UniqueFd dial_local(const std::string& name, const Greeting& greeting) {
    socklen_t len = 0;
    const sockaddr_un addr = abstract_address(name, len);
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return {};
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&addr), len) != 0 && errno != EINPROGRESS) return {};
    return greet(std::move(fd), greeting);
}

UniqueFd listen_local(int backlog, const std::string& name) {
    socklen_t len = 0;
    const sockaddr_un addr = abstract_address(name, len);
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd || ::bind(fd.get(), reinterpret_cast<const sockaddr*>(&addr), len) != 0 || ::listen(fd.get(), backlog) != 0)
        return {};
    return fd;
}

std::uint64_t fresh_token() {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

void broadcast(std::string& text) {
    int size = static_cast<int>(text.size());
    MPI_Bcast(&size, 1, MPI_INT, 0, MPI_COMM_WORLD);
    text.resize(static_cast<std::size_t>(size));
    MPI_Bcast(text.data(), size, MPI_CHAR, 0, MPI_COMM_WORLD);
}

// Reads a caller's greeting; the rank it names when the token is ours.
std::optional<int> greeted_rank(int fd, std::uint64_t token, int size) {
    Greeting g{};
    if (!wait_for(fd, POLLIN, reply_timeout_ms) ||
        ::recv(fd, &g, sizeof g, MSG_WAITALL) != static_cast<ssize_t>(sizeof g) || g.token != token || g.rank < 1 ||
        g.rank >= size)
        return std::nullopt;
    return g.rank;
}

// Rank 0 holds a socket per worker: thousands of ranks outgrow the usual soft limit of 1,024
// descriptors, so raise it toward the hard limit (a worker refused for want of one goes without).
void make_room_for(int sockets) {
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
    const rlim_t wanted = static_cast<rlim_t>(sockets) + 256;
    if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= wanted) return;
    lim.rlim_cur = lim.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, lim.rlim_max);
    ::setrlimit(RLIMIT_NOFILE, &lim);
}

}  // namespace

void Doorbells::add(int peer, UniqueFd socket) {
    set_nonblocking(socket.get(), true);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u32 = static_cast<std::uint32_t>(peer);
    if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, socket.get(), &ev) != 0) return;
    sockets_[static_cast<std::size_t>(peer)] = std::move(socket);
    --missing_;
}

namespace {

// A hub's side (rank 0, or a leader for its node): an invitation for the ranks it serves.
struct Hub {
    Invitation invitation;
    UniqueFd listener;
    UniqueFd local_listener;
};

Hub open_hub(std::size_t callers) {
    Hub hub;
    hub.invitation.token = fresh_token();
    hub.invitation.host = this_host();
    if (!disabled()) {
        make_room_for(static_cast<int>(callers));
        const int backlog = static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(callers, 1), 4096));
        hub.listener = listen_any(backlog, hub.invitation.port);
        const std::string local = fmt::format("perfmatrix-doorbell-{}-{:x}", ::getpid(), hub.invitation.token);
        if (hub.listener && (hub.local_listener = listen_local(backlog, local))) hub.invitation.local = local;
    }
    if (hub.listener) hub.invitation.addresses = ipv4_addresses();
    return hub;
}

// A caller's side: a connection to the hub that invited it, or none.
UniqueFd dial_hub(const Invitation& inv, int rank) {
    UniqueFd fd;
    const Greeting greeting{inv.token, rank};
    const bool same_host = inv.host == this_host();
    if (inv.port == 0) return fd;
    if (same_host && inv.local != "-" && (fd = dial_local(inv.local, greeting))) return fd;
    const auto give_up = Clock::now() + dial_budget;
    for (const auto& address : inv.addresses) {
        if (Clock::now() > give_up) break;
        if (address.rfind("127.", 0) == 0 && !same_host) continue;  // that would be our own host
        if ((fd = dial(address, inv.port, greeting))) break;
    }
    return fd;
}

// A listener of the hub's with a caller waiting, after at most 1 ms; -1 for none.
int ready_listener(const Hub& hub) {
    std::array<pollfd, 2> fds{pollfd{hub.listener.get(), POLLIN, 0}, pollfd{hub.local_listener.get(), POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), 1) <= 0) return -1;  // a closed fd (-1) is skipped
    for (const pollfd& p : fds)
        if (p.fd >= 0 && (p.revents & POLLIN)) return p.fd;
    return -1;
}

// The hub accepts until every rank it serves has said (over MPI) whether it got through; only
// those that say so keep a doorbell (a caller that timed out waiting for our reply says no).
std::vector<UniqueFd> accept_callers(Hub& hub, const std::vector<int>& callers, int size) {
    std::vector<UniqueFd> accepted(static_cast<std::size_t>(size));
    std::vector<char> expected(static_cast<std::size_t>(size), 0);
    for (int r : callers) expected[static_cast<std::size_t>(r)] = 1;
    std::vector<int> got(static_cast<std::size_t>(size), 0);
    for (std::size_t answered = 0; answered < callers.size();) {
        int flag = 0;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, protocol::doorbell, MPI_COMM_WORLD, &flag, &st);
        if (flag) {
            MPI_Recv(&got[static_cast<std::size_t>(st.MPI_SOURCE)], 1, MPI_INT, st.MPI_SOURCE, protocol::doorbell,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            ++answered;
            continue;
        }
        const int ready = ready_listener(hub);
        if (ready < 0) continue;
        UniqueFd conn(::accept4(ready, nullptr, nullptr, SOCK_CLOEXEC));
        if (!conn) continue;
        const auto peer = greeted_rank(conn.get(), hub.invitation.token, size);
        if (!peer || !expected[static_cast<std::size_t>(*peer)] || accepted[static_cast<std::size_t>(*peer)]) continue;
        if (ready == hub.listener.get()) no_delay(conn.get());
        if (::send(conn.get(), &accepted_byte, 1, MSG_NOSIGNAL) == 1)
            accepted[static_cast<std::size_t>(*peer)] = std::move(conn);
    }
    for (int r : callers)
        if (!got[static_cast<std::size_t>(r)]) accepted[static_cast<std::size_t>(r)].reset();
    return accepted;
}

}  // namespace

Doorbells Doorbells::connect(int rank, int size, const Topology& topology) {
    Doorbells bells;
    bells.epoll_ = UniqueFd(::epoll_create1(EPOLL_CLOEXEC));
    if (!bells.epoll_) throw std::runtime_error(fmt::format("epoll_create1: {}", std::strerror(errno)));
    bells.sockets_.resize(static_cast<std::size_t>(size));
    const std::vector<int> callers = topology.children(rank);
    bells.missing_ = static_cast<int>(callers.size()) + (rank == 0 ? 0 : 1);

    // Rank 0 invites everyone at once; a leader invites its node's ranks once it has its own
    // doorbell to rank 0 (its callers wait for that, napping: see below).
    Hub hub;
    std::string text;
    if (rank == 0) {
        hub = open_hub(callers.size());
        text = encode(hub.invitation);
    }
    broadcast(text);

    if (rank != 0) {
        const int parent = topology.parent(rank);
        // A rank behind a leader waits for the leader's invitation without spinning: the
        // leader's node has ranks that start measuring soon.
        const Invitation inv = parent == 0 ? decode(text) : decode(protocol::wait(parent, protocol::doorbell).payload);
        UniqueFd fd = dial_hub(inv, rank);
        int got = fd ? 1 : 0;
        MPI_Send(&got, 1, MPI_INT, parent, protocol::doorbell, MPI_COMM_WORLD);
        if (fd) bells.add(parent, std::move(fd));
        if (callers.empty()) return bells;
        hub = open_hub(callers.size());
        const std::string invitation = encode(hub.invitation);
        for (int r : callers) protocol::send(r, protocol::doorbell, invitation);
    }

    auto accepted = accept_callers(hub, callers, size);
    for (int r : callers)
        if (accepted[static_cast<std::size_t>(r)]) bells.add(r, std::move(accepted[static_cast<std::size_t>(r)]));
    return bells;
}

bool Doorbells::has(int peer) const {
    return peer >= 0 && static_cast<std::size_t>(peer) < sockets_.size() &&
           static_cast<bool>(sockets_[static_cast<std::size_t>(peer)]);
}

void Doorbells::ring(int peer) {
    if (!has(peer)) return;
    const char byte = 1;
    // MSG_NOSIGNAL: a peer that is gone must not kill us with SIGPIPE.
    [[maybe_unused]] const ssize_t n = ::send(sockets_[static_cast<std::size_t>(peer)].get(), &byte, 1,
                                              MSG_DONTWAIT | MSG_NOSIGNAL);
}

std::size_t Doorbells::drain(bool* watched_ready) {
    if (watched_ready) *watched_ready = false;
    if (!epoll_) return 0;
    std::size_t rung = 0;
    std::array<epoll_event, 64> ready{};
    for (;;) {
        const int n = ::epoll_wait(epoll_.get(), ready.data(), static_cast<int>(ready.size()), 0);
        if (n <= 0) break;
        int doorbells_read = 0;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t peer = ready[static_cast<std::size_t>(i)].data.u32;
            if (peer == watched) {  // its owner drains it
                if (watched_ready) *watched_ready = true;
                continue;
            }
            ++doorbells_read;
            UniqueFd& fd = sockets_[peer];
            std::array<char, 256> buf{};
            for (;;) {
                const ssize_t got = ::recv(fd.get(), buf.data(), buf.size(), 0);
                if (got > 0) {
                    rung += static_cast<std::size_t>(got);
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                    // The peer has gone (it closes at the end of the run): stop watching it.
                    ::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, fd.get(), nullptr);
                    fd.reset();
                    ++missing_;
                }
                if (got == 0 || errno != EINTR) break;
            }
        }
        // Only watched fds are ready (or nothing more to read): further calls would return them again.
        if (doorbells_read == 0 || n < static_cast<int>(ready.size())) break;
    }
    return rung;
}

void Doorbells::watch(int fd) {
    if (!epoll_ || fd < 0) return;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u32 = watched;
    ::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, fd, &ev);
}

}  // namespace perfmatrix
