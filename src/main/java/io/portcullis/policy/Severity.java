package io.portcullis.policy;

public enum Severity {
    WARNING,
    ERROR
}
