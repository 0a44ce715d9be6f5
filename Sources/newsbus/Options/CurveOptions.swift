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
        help: ArgumentHelp("This process's CURVE secret key (a .key file from `newsbus keygen`).", valueName: "file"))
    var curveSecretKey: String?

    @Option(help: ArgumentHelp(
        "This process's CURVE public key, checked against the one derived from --curve-secret-key.", valueName: "file"))
    var curvePublicKey: String?

    @Option(help: ArgumentHelp(
        "Workers, aggregator and clients: the broker's CURVE public key (its .pub file).", valueName: "file"))
    var curveServerKey: String?

    @Option(help: ArgumentHelp(
        "Broker: allowed peer public keys: a directory of *.pub files or a file of keys, one a line (repeatable).",
        valueName: "dir|file"))
    var curveAllow: [String] = []

    /// Whether any CURVE option was given.
    var isEnabled: Bool { curveSecretKey != nil || curveServerKey != nil || !curveAllow.isEmpty }

    /// Checks that the options given make sense for `role`; call it from the command's `validate()`.
    func validate(as role: Role) throws {
        let anyGiven = curveSecretKey != nil || curveServerKey != nil || !curveAllow.isEmpty || curvePublicKey != nil
        guard anyGiven else { return }
        switch role {
        case .server:
            guard curveServerKey == nil else {
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
            guard curveAllow.isEmpty else {
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
