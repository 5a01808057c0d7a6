package io.portcullis.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as one JSON sentence, never a stack trace: a body that is not the JSON an endpoint expects is a 400
 * naming the field; anything unexpected is a 500 that points at the log, where the details are.
 */
public class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining())
                        .replaceFirst("^\\.", "")
                : null;
        return ApiTokenFilter.error(
                400,
                where == null
                        ? "the request body is not valid JSON; see /q/openapi for the expected shape"
                        : "the request body has a wrong value at '" + where
                                + "'; see /q/openapi for the expected shape");
    }

    /** Quarkus has its own mapper for this subtype (a bare 400); ours says which field. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    /** Quarkus REST wraps a body it cannot read in a bare 400; answer it with the sentence instead. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException w) {
        if (w.getCause() instanceof JsonProcessingException j) {
            return badJson(j);
        }
        if (w.getResponse().getStatus() == 400 && !w.getResponse().hasEntity()) {
            return ApiTokenFilter.error(
                    400, "the request body could not be read; see /q/openapi for the expected shape");
        }
        return w.getResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse();
        }
        LOG.errorf(e, "API request failed");
        return ApiTokenFilter.error(
                500,
                "the request failed unexpectedly (" + e.getClass().getSimpleName() + "); the service log has details");
    }
}
