package io.cdiconnections.sample;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

/**
 * The inventory over HTTP. Every answer is JSON, errors too ({@link Problem}).
 *
 * <pre>
 * GET  api/items              every item
 * GET  api/items/search?q=nut items whose name contains "nut"
 * GET  api/items/{id}         one item, or 404
 * POST api/items              add one (form fields name, quantity): 201 with Location, or 400
 * GET  api/items/summary      item and unit counts (cached 30 s)
 * </pre>
 */
@Path("items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject
    Inventory inventory;

    @Context
    UriInfo uri;

    /** @return every item */
    @GET
    public List<Item> list() {
        return inventory.list();
    }

    /**
     * @param q part of a name
     * @return the matching items
     */
    @GET
    @Path("search")
    public List<Item> search(@QueryParam("q") @DefaultValue("") String q) {
        return inventory.search(q);
    }

    /**
     * @param id the item's id, as the {@code Location} of its creation gave it
     * @return 200 with the item, or 404 with a {@link Problem}
     */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        // a String, not a long: JAX-RS would answer "abc" with an empty 404 of its own
        return parseId(id).flatMap(inventory::find)
                .map(item -> Response.ok(item).build())
                .orElseGet(() -> Problem.response(Status.NOT_FOUND, "There is no item with id " + id + ".", "id"));
    }

    /**
     * Adds an item. The fields arrive as text so that a wrong one is answered with a sentence
     * naming it, not with the server's empty 400.
     *
     * @param name     what it is, 1 to {@value Inventory#MAX_NAME} characters
     * @param quantity how many, a whole number, zero or more
     * @return 201 with the new item and its {@code Location}, or 400 with a {@link Problem}
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("name") @DefaultValue("") String name,
            @FormParam("quantity") @DefaultValue("0") String quantity) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return Problem.response(Status.BAD_REQUEST, "Give the item a name.", "name");
        }
        if (trimmed.length() > Inventory.MAX_NAME) {
            return Problem.response(Status.BAD_REQUEST,
                    "A name has at most " + Inventory.MAX_NAME + " characters.", "name");
        }
        Optional<Integer> count = parseCount(quantity);
        if (count.isEmpty()) {
            return Problem.response(Status.BAD_REQUEST, "The quantity must be a whole number, like 12.", "quantity");
        }
        if (count.get() < 0) {
            return Problem.response(Status.BAD_REQUEST, "The quantity cannot be negative.", "quantity");
        }
        Item item = inventory.add(trimmed, count.get());
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(item.id())).build();
        return Response.created(location).entity(item).build();
    }

    /** @return the totals, at most 30 seconds old */
    @GET
    @Path("summary")
    public Summary summary() {
        return inventory.summary();
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parseCount(String quantity) {
        try {
            return Optional.of(Integer.parseInt(quantity.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
