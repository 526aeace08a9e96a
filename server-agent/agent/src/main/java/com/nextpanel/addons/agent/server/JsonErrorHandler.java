package com.nextpanel.addons.agent.server;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (no handler took the request, a malformed request line, an uncaught failure) in the
 * agent's {@code {"error","message"}} shape instead of HTML, through {@link ErrorWriter}.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String text = code == 404 ? "no route " + request.getMethod() + " " + Request.getPathInContext(request)
                : message != null ? message : HttpStatus.getMessage(code);
        if (code >= 500) {
            text = HttpStatus.getMessage(code);
        }
        ErrorWriter.write(response, callback, code, ErrorWriter.codeFor(code), text, List.of());
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ErrorWriter.CONTENT_TYPE);
        String message = reason == null ? HttpStatus.getMessage(status) : reason;
        return ByteBuffer.wrap(ErrorWriter.body(ErrorWriter.codeFor(status), message, List.of()));
    }
}
