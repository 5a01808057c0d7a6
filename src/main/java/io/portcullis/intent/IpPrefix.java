package io.portcullis.intent;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 prefix in canonical form (host bits cleared). The network is held as an
 * unsigned integer so the verifier can compute containment and pick representative addresses.
 */
public record IpPrefix(AddressFamily family, BigInteger network, int length) implements java.io.Serializable {

    public IpPrefix {
        if (length < 0 || length > family.addressBits()) {
            throw new IllegalArgumentException("prefix length /" + length + " is invalid for " + family.id());
        }
        if (network.signum() < 0 || network.bitLength() > family.addressBits()) {
            throw new IllegalArgumentException("network address out of range for " + family.id());
        }
        network = network.and(mask(family, length));
    }

    /** Parses "192.0.2.0/24" or "2001:db8::/32"; a bare address is a host prefix. */
    public static IpPrefix parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        if (!addr.matches("[0-9a-fA-F:.]+")) {
            // InetAddress.getByName would otherwise try DNS for a name
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
        }
        AddressFamily family = bytes.length == 4 ? AddressFamily.IPV4 : AddressFamily.IPV6;
        int length;
        try {
            length = slash < 0 ? family.addressBits() : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
        }
        return new IpPrefix(family, new BigInteger(1, bytes), length);
    }

    public static BigInteger mask(AddressFamily family, int length) {
        BigInteger all = BigInteger.ONE.shiftLeft(family.addressBits()).subtract(BigInteger.ONE);
        BigInteger host =
                BigInteger.ONE.shiftLeft(family.addressBits() - length).subtract(BigInteger.ONE);
        return all.xor(host);
    }

    public BigInteger first() {
        return network;
    }

    public BigInteger last() {
        return network.or(
                BigInteger.ONE.shiftLeft(family.addressBits() - length).subtract(BigInteger.ONE));
    }

    public boolean contains(AddressFamily f, BigInteger address) {
        return f == family && address.compareTo(first()) >= 0 && address.compareTo(last()) <= 0;
    }

    public boolean contains(IpPrefix other) {
        return other.family == family && other.length >= length && contains(family, other.network);
    }

    /** Address part only, canonical text (e.g. {@code 2001:db8::}). */
    public String addressText() {
        return formatAddress(family, network);
    }

    public static String formatAddress(AddressFamily family, BigInteger value) {
        byte[] raw = value.toByteArray();
        int size = family.addressBits() / 8;
        byte[] bytes = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, bytes, size - copy, copy);
        try {
            String s = InetAddress.getByAddress(bytes).getHostAddress();
            return family == AddressFamily.IPV6 ? compressIpv6(s) : s;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5952 canonical text: the JDK prints 2001:db8:0:0:0:0:0:0. */
    private static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    @Override
    public String toString() {
        return addressText() + "/" + length;
    }
}
