package io.portcullis.intent;

/**
 * Where a filter binds. PROFILE is the BNG per-subscriber template: Junos dynamic-profile,
 * IOS-XR dynamic-template, SR OS sla-profile, Huawei user-group (UCL).
 */
public enum AttachKind {
    INTERFACE,
    PROFILE
}
