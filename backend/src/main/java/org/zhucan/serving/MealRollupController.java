package org.zhucan.serving;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class MealRollupController {

    private final MealRollups rollups;

    MealRollupController(MealRollups rollups) {
        this.rollups = rollups;
    }

    @MutationMapping
    MealRollups.RebuildResult rebuildMealRollups(@Argument RebuildMealRollupsInput input) {
        return rollups.rebuild(input.from(), input.to());
    }
}
