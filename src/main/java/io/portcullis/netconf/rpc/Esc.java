package io.portcullis.netconf.rpc;

/** XML escaping for values we put into operations. */
final class Esc {
    private Esc() {}

    static String attr(String s) {
        return text(s).replace("\"", "&quot;");
    }

    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
