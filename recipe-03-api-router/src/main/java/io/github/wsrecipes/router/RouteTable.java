package io.github.wsrecipes.router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java form of listing 8-5's {@code switch (rt.path)}: one line per route instead of one
 * {@code case} per route, and an action per route for listing 8-6's REST verbs.
 *
 * <pre>{@code
 * new RouteTable()
 *         .on("route_a", request -> Reply.ok(...))              // any action
 *         .on("/user/profile", "GET", request -> Reply.ok(...)) // only this action
 *         .otherwise(request -> Reply.notFound(...));           // the switch's default
 * }</pre>
 *
 * Build it before the server starts; afterwards every connection only reads it.
 */
public final class RouteTable {

    /** What one route does with one message. May throw {@link BadRequest} for a 400. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(ApiRequest request);
    }

    private static final String ANY_ACTION = "*";

    private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
    private Handler otherwise = request -> Reply.notFound("no route '" + request.route() + "'");

    /** A route that takes a message with any action, or none. */
    public RouteTable on(String route, Handler handler) {
        return on(route, ANY_ACTION, handler);
    }

    /** A route for one action; a known route with an action it lacks gets 405. */
    public RouteTable on(String route, String action, Handler handler) {
        routes.computeIfAbsent(route, name -> new LinkedHashMap<>()).put(action, handler);
        return this;
    }

    /** The handler for every route not in the table (the switch's {@code default:}). */
    public RouteTable otherwise(Handler handler) {
        this.otherwise = handler;
        return this;
    }

    public Reply dispatch(ApiRequest request) {
        Map<String, Handler> actions = routes.get(request.route());
        if (actions == null) {
            return otherwise.handle(request);
        }
        Handler handler = actions.containsKey(request.action())
                ? actions.get(request.action())
                : actions.get(ANY_ACTION);
        if (handler == null) {
            String asked = request.action() == null ? "a message without an action" : "action '" + request.action() + "'";
            return Reply.methodNotAllowed("route '" + request.route() + "' does not take " + asked
                    + "; it takes " + String.join(", ", actions.keySet()));
        }
        return handler.handle(request);
    }

    /** e.g. {@code route_a (any action), /user/profile (GET, PUT)}: printed at start-up. */
    @Override
    public String toString() {
        return routes.entrySet().stream()
                .map(route -> route.getKey() + " (" + (route.getValue().containsKey(ANY_ACTION)
                        ? "any action" : String.join(", ", route.getValue().keySet())) + ")")
                .collect(Collectors.joining(", "));
    }
}
