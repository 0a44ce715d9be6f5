import ArgumentParser
import Majordomo
import ZeroMQ

/// The CurveZMQ key options every TCP role and client shares. The broker takes its own secret
/// key and an allow-list of peer public keys; workers, the aggregator and clients take the
/// broker's public key and their own secret key.
struct CurveOptions: ParsableArguments {
    /// Which side of the CURVE handshake a command is.
    enum Role {
        /// The broker: CURVE server with an allow-list.
        case server
        /// A worker, the aggregator or a client: CURVE client.
        case peer
    }

    @Option(
        name: .customLong("curve-secret-key"),
        help: ArgumentHelp(
            "This process's CURVE secret key (a .key file from `newsbus keygen`; curve.secret_key).", valueName: "file"))
    var secretKeyFlag: String?

    @Option(
        name: .customLong("curve-public-key"),
        help: ArgumentHelp(
            "This process's CURVE public key, checked against the one derived from --curve-secret-key.",
            valueName: "file"))
    var publicKeyFlag: String?

    @Option(
        name: .customLong("curve-server-key"),
        help: ArgumentHelp(
            "Workers, aggregator and clients: the broker's CURVE public key (its .pub file; curve.server_key).",
            valueName: "file"))
    var serverKeyFlag: String?

    @Option(
        name: .customLong("curve-allow"),
        help: ArgumentHelp(
            "Broker: allowed peer public keys: a directory of *.pub files or a file of keys, one a line (repeatable; curve.allow).",
            valueName: "dir|file"))
    var allowFlags: [String] = []

    /// The secret key file in force: flag, `NEWSBUS_CURVE_SECRET_KEY`, `curve.secret_key`.
    var curveSecretKey: String? { Settings.current.text(secretKeyFlag, .curveSecretKey) }
    /// The public key file in force: flag, `NEWSBUS_CURVE_PUBLIC_KEY`, `curve.public_key`.
    var curvePublicKey: String? { Settings.current.text(publicKeyFlag, .curvePublicKey) }
    /// The broker's public key file in force: flag, `NEWSBUS_CURVE_SERVER_KEY`, `curve.server_key`.
    var curveServerKey: String? { Settings.current.text(serverKeyFlag, .curveServerKey) }
    /// The allow-list paths in force: flags, `NEWSBUS_CURVE_ALLOW` (comma-separated), `curve.allow`.
    var curveAllow: [String] { Settings.current.list(allowFlags, .curveAllow) }

    /// Whether any CURVE option was given.
    var isEnabled: Bool { curveSecretKey != nil || curveServerKey != nil || !curveAllow.isEmpty }

    /// Checks that the options given make sense for `role`; call it from the command's `validate()`.
    func validate(as role: Role) throws {
        let anyGiven = curveSecretKey != nil || curveServerKey != nil || !curveAllow.isEmpty || curvePublicKey != nil
        guard anyGiven else { return }
        switch role {
        case .server:
            // A shared configuration file may name the server key for the other roles: only the flag is wrong here.
            guard serverKeyFlag == nil else {
                throw ValidationError(
                    "Please provide --curve-server-key to workers and clients only; "
                        + "the broker takes --curve-secret-key and --curve-allow.")
            }
            guard curveSecretKey != nil else {
                throw ValidationError(
                    "Please provide --curve-secret-key FILE (the broker's .key from `newsbus keygen`).")
            }
            guard !curveAllow.isEmpty else {
                throw ValidationError(
                    "Please provide --curve-allow DIR|FILE (the public keys of the workers and clients "
                        + "that may connect) with --curve-secret-key.")
            }
        case .peer:
            guard allowFlags.isEmpty else {
                throw ValidationError(
                    "Please provide --curve-allow to the broker only; it lists the keys the broker admits.")
            }
            guard curveSecretKey != nil else {
                throw ValidationError(
                    "Please provide --curve-secret-key FILE (this host's .key from `newsbus keygen`) "
                        + "with --curve-server-key.")
            }
            guard curveServerKey != nil else {
                throw ValidationError(
                    "Please provide --curve-server-key FILE (the broker's .pub file) with --curve-secret-key.")
            }
        }
    }

    /// This process's key pair, or `nil` without --curve-secret-key.
    func keyPair() throws -> CurveKeyPair? {
        guard let curveSecretKey else { return nil }
        let pair = try CurveKeyPair(secretKey: try CurveKeyFile.key(at: curveSecretKey))
        if let curvePublicKey, try CurveKeyFile.key(at: curvePublicKey) != pair.publicKey {
            throw CurveKeyFile.Failure(
                path: curvePublicKey,
                reason: "it is not the public key of \(curveSecretKey); use the .pub file written with it")
        }
        return pair
    }

    /// The broker's CURVE settings, or `nil` when CURVE is off.
    func serverConfiguration() throws -> CurveServerConfiguration? {
        guard let pair = try keyPair() else { return nil }
        var allowed: Set<CurveKey> = []
        for path in curveAllow {
            allowed.formUnion(try CurveKeyFile.allowList(at: path))
        }
        return CurveServerConfiguration(secretKey: pair.secretKey, allowedClientKeys: allowed)
    }

    /// A worker's or client's CURVE keys (the broker's public key and its own pair), or `nil` when off.
    func clientKeys() throws -> (serverKey: CurveKey, keyPair: CurveKeyPair)? {
        guard let curveServerKey, let pair = try keyPair() else { return nil }
        return (try CurveKeyFile.key(at: curveServerKey), pair)
    }
}
