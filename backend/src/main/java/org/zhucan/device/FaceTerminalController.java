package org.zhucan.device;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

@Controller
class FaceTerminalController {

    private final FaceTerminalService faceTerminals;
    private final SiteService siteService;

    FaceTerminalController(FaceTerminalService faceTerminals, SiteService siteService) {
        this.faceTerminals = faceTerminals;
        this.siteService = siteService;
    }

    @QueryMapping
    List<FaceTerminal> faceTerminals(@Argument long siteId) {
        return faceTerminals.terminalsOf(siteId);
    }

    @MutationMapping
    FaceTerminalKeyResult registerFaceTerminal(@Argument RegisterFaceTerminalInput input) {
        return faceTerminals.register(input);
    }

    @MutationMapping
    FaceTerminalKeyResult rotateFaceTerminalKey(@Argument RotateFaceTerminalKeyInput input) {
        return faceTerminals.rotateKey(input);
    }

    @MutationMapping
    FaceTerminalResult disableFaceTerminal(@Argument DisableFaceTerminalInput input) {
        return faceTerminals.disable(input);
    }

    @BatchMapping
    Map<FaceTerminal, Site> site(List<FaceTerminal> terminals) {
        return Batches.perParent(terminals, FaceTerminal::siteId, siteService.byIds(Batches.keys(terminals, FaceTerminal::siteId)));
    }
}
