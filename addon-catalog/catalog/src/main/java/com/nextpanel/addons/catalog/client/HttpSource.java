package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.tuf.TargetPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A catalog served over HTTPS (plain HTTP only to a loopback address). The body is handed out as a stream so
 * that the caller's byte cap cuts endless answers, and each file must arrive within a deadline (slow
 * retrieval); TUF signatures, not TLS, make the content trustworthy.
 */
public final class HttpSource implements CatalogSource {

    /** Time for one whole file to arrive; packages are at most 256 MiB. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    private final URI base;
    private final HttpClient http;
    private final Duration deadline;

    public HttpSource(URI base, HttpClient http) {
        this(base, http, DEFAULT_DEADLINE);
    }

    /** @param deadline how long one file may take to arrive in full (slow-retrieval protection) */
    public HttpSource(URI base, HttpClient http, Duration deadline) {
        this.deadline = deadline;
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = http;
        if ("http".equals(this.base.getScheme()) && !isLoopback(this.base.getHost())) {
            throw new CatalogException(ErrorCode.NOT_FOUND, base + ": a remote catalog must be served over https");
        }
        if (!"http".equals(this.base.getScheme()) && !"https".equals(this.base.getScheme())) {
            throw new CatalogException(ErrorCode.NOT_FOUND, base + ": not an http(s) URL");
        }
    }

    @Override
    public Optional<InputStream> open(String relativePath) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(resolve(relativePath))
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "nextpanel-addon-catalog")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + request.uri());
        }
        if (response.statusCode() == 404) {
            response.body().close();
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
        }
        return Optional.of(new DeadlineInputStream(response.body(), deadline, request.uri().toString()));
    }

    @Override
    public String locate(String relativePath) {
        return resolve(relativePath).toString();
    }

    private URI resolve(String relativePath) {
        return base.resolve(TargetPaths.requireSafe(relativePath));
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
