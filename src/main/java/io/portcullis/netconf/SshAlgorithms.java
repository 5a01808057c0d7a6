package io.portcullis.netconf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexFactoryManager;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * Our SSH algorithm policy (shared docs B.7): no SHA-1 {@code ssh-rsa} or DSA host keys, no group1/group14-sha1 or
 * SHA-1 group exchange, no chacha20-poly1305 and no CBC (Terrapin exposure with peers lacking strict-kex), AES-GCM
 * preferred. A device may be excepted for named algorithms, which are then appended at the lowest preference.
 */
final class SshAlgorithms {
    /** Everything refused by default (names as on the wire). */
    static final Set<String> WEAK = Set.of(
            "ssh-rsa",
            "ssh-dss",
            "ssh-rsa-cert-v01@openssh.com",
            "ssh-dss-cert-v01@openssh.com",
            "diffie-hellman-group1-sha1",
            "diffie-hellman-group14-sha1",
            "diffie-hellman-group-exchange-sha1",
            "chacha20-poly1305@openssh.com",
            "aes128-cbc",
            "aes192-cbc",
            "aes256-cbc",
            "3des-cbc",
            "blowfish-cbc",
            "arcfour128",
            "arcfour256",
            "hmac-md5",
            "hmac-md5-96",
            "hmac-sha1-96");

    private static final List<String> CIPHER_PREFERENCE =
            List.of("aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr");

    private SshAlgorithms() {}

    /** Applies the strict policy to a client (or server, in tests) factory manager. */
    static void applyStrict(KexFactoryManager m) {
        m.setKeyExchangeFactories(strip(m.getKeyExchangeFactories()));
        m.setSignatureFactories(strip(m.getSignatureFactories()));
        List<NamedFactory<Cipher>> ciphers = new ArrayList<>(strip(m.getCipherFactories()));
        ciphers.sort(Comparator.comparingInt(c -> {
            int i = CIPHER_PREFERENCE.indexOf(c.getName());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        m.setCipherFactories(ciphers);
        m.setMacFactories(strip(m.getMacFactories()));
    }

    /** Adds a device's excepted weak algorithms to one session (before its key exchange starts). */
    static void applyExceptions(Session s, Set<String> allowed) {
        List<KeyExchangeFactory> kex = new ArrayList<>(s.getKeyExchangeFactories());
        List<NamedFactory<Signature>> sigs = new ArrayList<>(s.getSignatureFactories());
        List<NamedFactory<Cipher>> ciphers = new ArrayList<>(s.getCipherFactories());
        List<NamedFactory<Mac>> macs = new ArrayList<>(s.getMacFactories());
        for (String name : allowed) {
            BuiltinDHFactories dh = BuiltinDHFactories.fromFactoryName(name);
            if (dh != null && dh.isSupported()) {
                kex.add(ClientBuilder.DH2KEX.apply(dh));
            }
            BuiltinSignatures sig = BuiltinSignatures.fromFactoryName(name);
            if (sig != null && sig.isSupported()) {
                sigs.add(sig);
            }
            BuiltinCiphers cipher = BuiltinCiphers.fromFactoryName(name);
            if (cipher != null && cipher.isSupported()) {
                ciphers.add(cipher);
            }
            BuiltinMacs mac = BuiltinMacs.fromFactoryName(name);
            if (mac != null && mac.isSupported()) {
                macs.add(mac);
            }
        }
        s.setKeyExchangeFactories(kex);
        s.setSignatureFactories(sigs);
        s.setCipherFactories(ciphers);
        s.setMacFactories(macs);
    }

    /** What a session negotiated, by kind. */
    static Map<String, String> negotiated(Session s) {
        Map<String, String> out = new TreeMap<>();
        for (KexProposalOption o : new KexProposalOption[] {
            KexProposalOption.ALGORITHMS,
            KexProposalOption.SERVERKEYS,
            KexProposalOption.C2SENC,
            KexProposalOption.S2CENC,
            KexProposalOption.C2SMAC,
            KexProposalOption.S2CMAC
        }) {
            String v = s.getNegotiatedKexParameter(o);
            if (v != null) {
                out.put(o.getDescription(), v);
            }
        }
        return out;
    }

    static List<String> weakInUse(Map<String, String> negotiated) {
        return negotiated.values().stream()
                .filter(WEAK::contains)
                .distinct()
                .sorted()
                .toList();
    }

    private static <T extends NamedResource> List<T> strip(List<T> factories) {
        List<T> out = new ArrayList<>();
        for (T f : factories) {
            if (!WEAK.contains(f.getName())) {
                out.add(f);
            }
        }
        return out;
    }
}
