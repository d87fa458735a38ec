package de.zusammenwachsen.workspace.web.discussion;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.util.List;

/** A post's reaction buttons as discussion.js redraws them after a toggle: what each shows, says and whether pressed. */
final class ReactionsJson {

    private ReactionsJson() {
    }

    static String of(Long postId, List<ThreadPage.Reaction> reactions) {
        JsonArrayBuilder buttons = Json.createArrayBuilder();
        for (ThreadPage.Reaction reaction : reactions) {
            buttons.add(Json.createObjectBuilder()
                    .add("value", postId + ":" + reaction.kind())
                    .add("kind", reaction.kind())
                    .add("count", reaction.count())
                    .add("shown", reaction.shown())
                    .add("label", reaction.label())
                    .add("pressed", reaction.mine()));
        }
        return Json.createObjectBuilder().add("post", postId).add("reactions", buttons).build().toString();
    }
}
