package io.portcullis.intent;

/**
 * Direction relative to the subscriber. TO_SUBSCRIBER is egress on the access side
 * (Junos filter output, XR outbound/egress, SR OS sla-profile egress, Huawei N2U).
 */
public enum Direction {
    TO_SUBSCRIBER,
    FROM_SUBSCRIBER
}
