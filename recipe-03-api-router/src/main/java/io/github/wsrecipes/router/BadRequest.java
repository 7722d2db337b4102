package io.github.wsrecipes.router;

/**
 * A message the API cannot act on; its text, which names the problem, becomes the error of a 400
 * reply. Thrown while reading a message and by a handler that dislikes its body.
 */
public final class BadRequest extends RuntimeException {

    public BadRequest(String problem) {
        super(problem, null, false, false);
    }
}
