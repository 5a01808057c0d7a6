package io.portcullis.lab;

/** RPC bodies shared by the simulator tests (OpenConfig device unless named otherwise). */
final class Payloads {
    static final String OC = "http://openconfig.net/yang/acl";

    private Payloads() {}

    static String editCandidate(String aclName) {
        return "<edit-config><target><candidate/></target><config><acl xmlns=\"" + OC + "\" xmlns:oc-acl=\"" + OC
                + "\"><acl-sets><acl-set>"
                + "<name>" + aclName + "</name><type>oc-acl:ACL_IPV4</type><config><name>" + aclName
                + "</name><type>oc-acl:ACL_IPV4</type>"
                + "</config></acl-set></acl-sets></acl></config></edit-config>";
    }

    static final String LOCK_CANDIDATE = "<lock><target><candidate/></target></lock>";
    static final String UNLOCK_CANDIDATE = "<unlock><target><candidate/></target></unlock>";
    static final String GET_RUNNING = "<get-config><source><running/></source></get-config>";
    static final String SUBSCRIBE = "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>";

    static String confirmedCommit(int seconds) {
        return "<commit><confirmed/><confirm-timeout>" + seconds + "</confirm-timeout></commit>";
    }
}
