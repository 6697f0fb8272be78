package cn.fapiao.webhook;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import cn.fapiao.webhook.api.RegisterWebhookEndpointInput;
import cn.fapiao.webhook.api.RegisteredWebhookEndpoint;
import cn.fapiao.webhook.api.UpdateWebhookEndpointInput;
import cn.fapiao.webhook.api.WebhookEndpointView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** An organisation's admins register, change, rotate and delete its webhook endpoints, and only its own. */
@ApplicationScoped
public class WebhookEndpointService {

    static final int MAX_DESCRIPTION = 200;

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final EndpointResolver resolver;
    private final WebhookConfig config;

    public WebhookEndpointService(WebhookEndpointRepository endpoints, WebhookSecrets secrets, EndpointResolver resolver, WebhookConfig config) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.resolver = resolver;
        this.config = config;
    }

    public Uni<List<WebhookEndpointView>> list(Caller caller) {
        caller.require(Role.ADMIN);
        return Panache.withSession(() -> endpoints.listInOrganisation(caller.organisationId()))
                .map(list -> list.stream().map(WebhookEndpointService::view).toList());
    }

    public Uni<RegisteredWebhookEndpoint> register(Caller caller, RegisterWebhookEndpointInput input) {
        caller.require(Role.ADMIN);
        List<Problem> problems = new ArrayList<>();
        EndpointUrl url = checkUrl(input.url(), problems);
        checkKinds(input.eventKinds(), problems);
        checkDescription(input.description(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        String secret = secrets.generate();
        return requirePublic(url).chain(() -> Panache.withTransaction(() -> endpoints.lockRegistrations(caller.organisationId())
                        .chain(() -> endpoints.countInOrganisation(caller.organisationId()))
                        .chain(count -> {
                            if (count >= config.maxEndpoints()) {
                                throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_LIMIT_REACHED,
                                        "Your organisation has " + count + " webhook endpoints, the most allowed: delete one first.");
                            }
                            WebhookEndpoint endpoint = new WebhookEndpoint();
                            endpoint.organisationId = caller.organisationId();
                            endpoint.url = url.uri().toString();
                            endpoint.description = blankToNull(input.description());
                            endpoint.setKinds(EnumSet.copyOf(input.eventKinds()));
                            endpoint.secret = secrets.seal(secret);
                            endpoint.createdBy = caller.username() == null ? "?" : caller.username();
                            // created_at is the database's clock (the outbox's): read back what it wrote.
                            return endpoints.persistAndFlush(endpoint).call(saved -> Panache.getSession().chain(session -> session.refresh(saved)));
                        })))
                .map(endpoint -> new RegisteredWebhookEndpoint(view(endpoint), secret));
    }

    public Uni<WebhookEndpointView> update(Caller caller, UpdateWebhookEndpointInput input) {
        caller.require(Role.ADMIN);
        Long id = parseId(input.id());
        List<Problem> problems = new ArrayList<>();
        EndpointUrl url = input.url() == null ? null : checkUrl(input.url(), problems);
        if (input.eventKinds() != null) {
            checkKinds(input.eventKinds(), problems);
        }
        checkDescription(input.description(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Uni<Void> checked = url == null ? Uni.createFrom().voidItem() : requirePublic(url);
        return checked.chain(() -> Panache.withTransaction(() -> endpoints.findInOrganisation(caller.organisationId(), id)
                        .map(endpoint -> {
                            if (endpoint == null) {
                                throw endpointNotFound(input.id());
                            }
                            if (url != null) {
                                endpoint.url = url.uri().toString();
                            }
                            if (input.eventKinds() != null) {
                                endpoint.setKinds(EnumSet.copyOf(input.eventKinds()));
                            }
                            if (input.description() != null) {
                                endpoint.description = blankToNull(input.description());
                            }
                            if (input.active() != null) {
                                endpoint.active = input.active();
                            }
                            return endpoint;
                        })))
                .map(WebhookEndpointService::view);
    }

    /** A new secret at once: deliveries from now on are signed with it; the old one stops working. */
    public Uni<RegisteredWebhookEndpoint> rotateSecret(Caller caller, String endpointId) {
        caller.require(Role.ADMIN);
        Long id = parseId(endpointId);
        String secret = secrets.generate();
        return Panache.withTransaction(() -> endpoints.findInOrganisation(caller.organisationId(), id)
                        .map(endpoint -> {
                            if (endpoint == null) {
                                throw endpointNotFound(endpointId);
                            }
                            endpoint.secret = secrets.seal(secret);
                            return endpoint;
                        }))
                .map(endpoint -> new RegisteredWebhookEndpoint(view(endpoint), secret));
    }

    /** Deletes the endpoint with its deliveries and their log. */
    public Uni<WebhookEndpointView> delete(Caller caller, String endpointId) {
        caller.require(Role.ADMIN);
        Long id = parseId(endpointId);
        return Panache.withTransaction(() -> endpoints.findInOrganisation(caller.organisationId(), id)
                .chain(endpoint -> {
                    if (endpoint == null) {
                        throw endpointNotFound(endpointId);
                    }
                    WebhookEndpointView gone = view(endpoint);
                    return endpoints.delete(endpoint).replaceWith(gone);
                }));
    }

    private Uni<Void> requirePublic(EndpointUrl url) {
        return resolver.resolve(url.host()).map(resolution -> {
            if (!resolution.allowed()) {
                throw new ApiException(ErrorCode.WEBHOOK_ADDRESS_NOT_ALLOWED, "url", resolution.refusal());
            }
            return null;
        });
    }

    private EndpointUrl checkUrl(String text, List<Problem> problems) {
        EndpointUrl.Result parsed = EndpointUrl.parse(text, config.allowHttp(), "url");
        if (parsed.problem() != null) {
            problems.add(parsed.problem());
        }
        return parsed.url();
    }

    private static void checkKinds(List<WebhookEventKind> kinds, List<Problem> problems) {
        if (kinds == null || kinds.isEmpty()) {
            problems.add(new Problem("eventKinds", "REQUIRED", "Choose at least one event."));
        }
    }

    private static void checkDescription(String description, List<Problem> problems) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new Problem("description", "TOO_LONG", "The description may have at most " + MAX_DESCRIPTION + " characters."));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static WebhookEndpointView view(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id.toString(), endpoint.url, endpoint.description,
                endpoint.kinds().stream().sorted().toList(), endpoint.active, endpoint.createdAt, endpoint.createdBy);
    }

    static ApiException endpointNotFound(String id) {
        return endpointNotFound(id, "id");
    }

    static ApiException endpointNotFound(String id, String field) {
        return new ApiException(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, "No webhook endpoint " + id + " in your organisation.", field, List.of(), Map.of());
    }

    static Long parseId(String id) {
        return parseId(id, "id");
    }

    static Long parseId(String id, String field) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw endpointNotFound(id, field);
        }
    }
}
