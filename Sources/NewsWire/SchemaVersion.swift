/// The wire schema version every newsbus message carries; receivers reject any other.
public let newsbusSchemaVersion: UInt32 = 1
