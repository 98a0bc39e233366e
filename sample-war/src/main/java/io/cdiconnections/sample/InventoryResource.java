package io.cdiconnections.sample;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The inventory over HTTP.
 *
 * <pre>
 * GET  api/items              every item
 * GET  api/items/search?q=nut items whose name contains "nut"
 * POST api/items              add one (form fields name, quantity)
 * GET  api/items/summary      item and unit counts (cached 30 s)
 * </pre>
 */
@Path("items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject
    Inventory inventory;

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
     * @param name     what it is
     * @param quantity how many, zero or more
     * @return 201 with the new item
     */
    @POST
    public Response add(@FormParam("name") String name, @FormParam("quantity") @DefaultValue("0") int quantity) {
        if (name == null || name.isBlank() || quantity < 0) {
            throw new BadRequestException("name is required and quantity must not be negative");
        }
        Item item = inventory.add(name.strip(), quantity);
        return Response.created(URI.create("items/" + item.id())).entity(item).build();
    }

    /** @return the totals, at most 30 seconds old */
    @GET
    @Path("summary")
    public Summary summary() {
        return inventory.summary();
    }
}
