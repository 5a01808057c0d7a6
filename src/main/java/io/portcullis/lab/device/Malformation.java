package io.portcullis.lab.device;

/**
 * Broken ways to send a reply (semantics-and-tests D.2 #13, #15, #17). Chunk cases need a base:1.1
 * session; {@link #EOM_IN_ATTRIBUTE} needs base:1.0 framing (a client offering only base:1.0).
 */
public enum Malformation {
    /** {@code \n#0\n} */
    CHUNK_SIZE_ZERO,
    /** {@code \n#007\n} */
    CHUNK_LEADING_ZERO,
    /** {@code \n#4294967296\n} (above the grammar's maximum) */
    CHUNK_SIZE_TOO_BIG,
    /** an 11-digit chunk size */
    CHUNK_ELEVEN_DIGITS,
    /** {@code \n##\n} with no chunk before it */
    END_OF_CHUNKS_WITHOUT_CHUNK,
    /** {@code \r\n} instead of {@code \n} in the chunk header */
    CHUNK_HEADER_CRLF,
    /** a space between # and the size */
    CHUNK_HEADER_SPACE,
    /** declared size smaller than the data that follows */
    CHUNK_SIZE_BELOW_DATA,
    /** declared size larger than the data; the rest never comes */
    CHUNK_SIZE_ABOVE_DATA,
    /** half the reply, then the connection closes */
    TRUNCATED,
    /** a well-formed reply whose UTF-8 characters are split across chunk boundaries (legal: must decode) */
    SPLIT_UTF8,
    /** base:1.0: the reply carries {@code ]]>]]>} inside an attribute value */
    EOM_IN_ATTRIBUTE,
    /** the reply carries another message-id */
    WRONG_MESSAGE_ID,
    /** the reply has no message-id */
    MISSING_MESSAGE_ID,
    /** the reply is sent twice */
    DUPLICATE_REPLY,
    /** an rpc-reply nobody asked for comes before the real reply */
    UNSOLICITED_REPLY
}
