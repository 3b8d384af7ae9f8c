package org.offloadkit.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The few libc calls the harness makes, with the constants of the Linux ABI they take. Sizes and
 * lengths are {@code long}: the harness runs on 64-bit Linux, where size_t and ssize_t are 64 bits.
 */
interface Libc extends Library {
    Libc C = Native.load("c", Libc.class);

    int AF_PACKET = 17;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int ETH_P_ALL = 0x0003;
    int SOL_SOCKET = 1;
    int SO_RCVBUFFORCE = 33;
    int SOL_PACKET = 263;
    int PACKET_VNET_HDR = 15;
    int PACKET_IGNORE_OUTGOING = 23;
    int PACKET_AUXDATA = 8;
    /** tpacket_auxdata.tp_status: tp_vlan_tci holds a VLAN tag the kernel took out of the frame. */
    int TP_STATUS_VLAN_VALID = 1 << 4;
    /** tpacket_auxdata.tp_status: tp_vlan_tpid holds that tag's TPID. */
    int TP_STATUS_VLAN_TPID_VALID = 1 << 6;
    /** struct cmsghdr on 64-bit Linux: size_t cmsg_len, int cmsg_level, int cmsg_type; the data follows. */
    int CMSG_HEADER = 16;
    int MSG_TRUNC = 0x20;
    int MSG_DONTWAIT = 0x40;
    short POLLIN = 0x1;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;
    int EINTR = 4;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int option, Pointer value, int length) throws LastErrorException;

    int bind(int fd, SockaddrLl address, int length) throws LastErrorException;

    int sendmmsg(int fd, Mmsghdr[] messages, int count, int flags) throws LastErrorException;

    long recvmsg(int fd, Msghdr message, int flags) throws LastErrorException;

    int poll(Pollfd fds, long count, int timeoutMillis) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int connect(int fd, SockaddrIn address, int length) throws LastErrorException;

    long send(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int setns(int fd, int namespaceType) throws LastErrorException;

    int if_nametoindex(String name) throws LastErrorException;

    int sched_getcpu() throws LastErrorException;

    int sched_setaffinity(int pid, long size, Pointer mask) throws LastErrorException;

    /** Host order to network order, for the 16-bit protocol numbers in sockaddr_ll. */
    static short htons(int value) {
        short s = (short) value;
        return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? Short.reverseBytes(s) : s;
    }

    @FieldOrder({"sll_family", "sll_protocol", "sll_ifindex", "sll_hatype", "sll_pkttype", "sll_halen", "sll_addr"})
    class SockaddrLl extends Structure {
        public short sll_family;
        public short sll_protocol;
        public int sll_ifindex;
        public short sll_hatype;
        public byte sll_pkttype;
        public byte sll_halen;
        public byte[] sll_addr = new byte[8];
    }

    @FieldOrder({"sin_family", "sin_port", "sin_addr", "sin_zero"})
    class SockaddrIn extends Structure {
        public short sin_family;
        /** Network order. */
        public short sin_port;
        /** Network order. */
        public byte[] sin_addr = new byte[4];
        public byte[] sin_zero = new byte[8];
    }

    @FieldOrder({"iov_base", "iov_len"})
    class Iovec extends Structure {
        public Pointer iov_base;
        public long iov_len;
    }

    @FieldOrder({"msg_name", "msg_namelen", "msg_iov", "msg_iovlen", "msg_control", "msg_controllen", "msg_flags"})
    class Msghdr extends Structure {
        public Pointer msg_name;
        public int msg_namelen;
        public Pointer msg_iov;
        public long msg_iovlen;
        public Pointer msg_control;
        public long msg_controllen;
        public int msg_flags;
    }

    @FieldOrder({"msg_hdr", "msg_len"})
    class Mmsghdr extends Structure {
        public Msghdr msg_hdr = new Msghdr();
        public int msg_len;
    }

    @FieldOrder({"fd", "events", "revents"})
    class Pollfd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }
}
