package io.portcullis.policy.yang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.gson.stream.JsonReader;
import io.portcullis.policy.SourceNode;
import io.portcullis.policy.SourceParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.stream.XMLStreamReader;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.spi.DefaultSchemaTreeInference;

/** Parses policy documents into yangtools {@link NormalizedNode}s with the RFC 7951 and XML codecs. */
final class YangCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private YangCodec() {}

    static NormalizedNode json(String json) throws IOException {
        NormalizationResultHolder result = new NormalizationResultHolder();
        NormalizedNodeStreamWriter writer = ImmutableNormalizedNodeStreamWriter.from(result);
        try (JsonParserStream parser =
                JsonParserStream.create(writer, JSONCodecFactorySupplier.RFC7951.getShared(YangSchema.context()))) {
            parser.parse(new JsonReader(new StringReader(json)));
        }
        return result.getResult().data();
    }

    static NormalizedNode xml(String xml) throws Exception {
        NormalizationResultHolder result = new NormalizationResultHolder();
        NormalizedNodeStreamWriter writer = ImmutableNormalizedNodeStreamWriter.from(result);
        XMLStreamReader reader = SourceParser.secureXmlFactory().createXMLStreamReader(new StringReader(xml));
        // the root element is the policy container itself, so parse against that container's schema
        QName policy = QName.create(YangSchema.module().getQNameModule(), "policy");
        try (XmlParserStream parser = XmlParserStream.create(
                writer, DefaultSchemaTreeInference.of(YangSchema.context(), Absolute.of(policy)))) {
            parser.parse(reader);
        } finally {
            reader.close();
        }
        return result.getResult().data();
    }

    /** YAML is a spelling of the JSON form: re-emit the parsed tree as JSON, keeping number/boolean tokens. */
    static String toJson(SourceNode node) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, node);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, SourceNode n) throws IOException {
        switch (n.kind()) {
            case OBJECT -> {
                g.writeStartObject();
                for (SourceNode.Field f : n.fields()) {
                    g.writeFieldName(f.name());
                    write(g, f.value());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (SourceNode item : n.items()) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case SCALAR -> {
                if (n.text() == null) {
                    g.writeNull();
                } else if (n.number() || n.bool()) {
                    g.writeRawValue(n.text());
                } else {
                    g.writeString(n.text());
                }
            }
        }
    }
}
