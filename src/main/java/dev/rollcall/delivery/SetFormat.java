package dev.rollcall.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.EventSnapshot;
import dev.rollcall.delivery.rules.SetEventUris;
import dev.rollcall.delivery.rules.SigningKey;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Security Event Tokens (RFC 8417) pushed per RFC 8935: a JWS signed with the server's current ES256
 * key ({@code kid} and {@code typ: secevent+jwt} in the header), claims {@code iss}, {@code iat} and
 * {@code toe} (when the change was made, so every retry carries the same claims), {@code jti} (the
 * event id), {@code aud} (the subscription's URL), {@code txn} (the change's first event id),
 * {@code sub_id} and {@code events}: one event URI (SetEventUris) with the type, sequence, payload and
 * snapshot of the Standard Webhooks body. A 400 answer with an {@code err} member refuses it for good.
 */
public final class SetFormat implements PayloadFormat {
    public static final String MEDIA_TYPE = "application/secevent+jwt";
    private final ObjectMapper json;
    private final ServerKeys keys;
    private final String issuer;
    private final SnapshotJson snapshots;
    private final SnapshotView views;
    private final Map<String, ECDSASigner> signers = new ConcurrentHashMap<>();

    public SetFormat(ObjectMapper json, ServerKeys keys, String issuer) {
        this.json = json;
        this.keys = keys;
        this.issuer = issuer;
        this.snapshots = new SnapshotJson(json);
        this.views = new SnapshotView(json);
    }

    @Override
    public Request render(ClaimedDelivery d, Instant sentAt) {
        ServerKeys.Current key = keys.current(SigningKey.ES256);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid()).type(new JOSEObjectType("secevent+jwt"))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims(d));
        try {
            jwt.sign(signers.computeIfAbsent(key.kid(), kid -> signer(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("a SET could not be signed", e);
        }
        return new Request(jwt.serialize().getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", MEDIA_TYPE, "Accept", "application/json"));
    }

    JWTClaimsSet claims(ClaimedDelivery d) {
        ObjectNode event = json.createObjectNode();
        event.put("type", d.eventType());
        String txn = d.eventId();
        Map<String, Object> subject = new LinkedHashMap<>();
        if (d.personId() != null) {
            event.put("sequence", d.personSeq());
            subject.put("format", "opaque");
            subject.put("id", d.personId());
        } else {
            subject.put("format", "scim");
            subject.put("uri", "/Groups/" + d.groupId());
        }
        event.set("data", tree(d.payloadJson()));
        if (d.snapshotJson() != null) {
            EventSnapshot s = snapshots.read(d.snapshotJson());
            if (s.person() != null) {
                event.set("person", views.person(s.person(), d.mapping().apply(s.person().golden())));
            } else {
                event.set("group", views.group(s.group()));
            }
            String stored = snapshots.txn(d.snapshotJson());
            txn = stored != null ? stored : txn;
        }
        Map<String, Object> events = Map.of(SetEventUris.of(d.eventType()), json.convertValue(event, Map.class));
        Date at = Date.from(d.eventAt());
        return new JWTClaimsSet.Builder().issuer(issuer).issueTime(at).jwtID(d.eventId()).audience(d.url())
                .claim("txn", txn).claim("toe", d.eventAt().getEpochSecond()).claim("sub_id", subject)
                .claim("events", events).build();
    }

    /** RFC 8935 §2.4: {@code 400 {"err":"…","description":"…"}} means the receiver will never take it. */
    @Override
    public Optional<String> permanentRefusal(int status, String head) {
        if (status != 400 || head == null) {
            return Optional.empty();
        }
        try {
            JsonNode answer = json.readTree(head);
            if (answer == null || !answer.hasNonNull("err")) {
                return Optional.empty();
            }
            String description = answer.hasNonNull("description") ? ": " + answer.get("description").asText() : "";
            return Optional.of("the receiver refused the SET (400 err=" + answer.get("err").asText() + description + ")");
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event payload is not valid JSON", e);
        }
    }

    private static ECDSASigner signer(ServerKeys.Current key) {
        try {
            return new ECDSASigner(ECKey.parse(key.privateKey()));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the ES256 key " + key.kid() + " cannot sign", e);
        }
    }
}
