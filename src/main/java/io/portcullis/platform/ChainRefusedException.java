package io.portcullis.platform;

/** Chaining with a foreign filter is not possible here; the message is one sentence naming the filter. */
public class ChainRefusedException extends RuntimeException {
    public ChainRefusedException(String sentence) {
        super(sentence);
    }
}
