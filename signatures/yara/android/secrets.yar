// Hard-coded secrets (SEC-SECRET-001) in dex strings, native libraries, resources and
// config assets: signals only. scanner/facts/secrets.py re-checks every match (word
// boundaries, documentation placeholders, the key body after a PEM header) and redacts it,
// and scanner/analyzers/secrets.py finds the method that loads a dex string. Matches are
// candidates, never evidence by themselves.

rule secret_private_key
{
    meta:
        id = "SEC-SECRET-001"
        signal = "secret"
        description = "A private key: PEM with its base64 body, or bare base64 PKCS#8/PKCS#1"
        sample = "samples/sec-storage-secret.apk"
    strings:
        // The header alone is what key-loading code strips, so the body must follow it.
        $pem = /-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----(\\n|\\r|[\r\n ])*[A-Za-z0-9+\/]{64}/ ascii wide
        // PrivateKeyInfo (PKCS#8, "…AASC") and RSAPrivateKey (PKCS#1, "…IBAAK") in base64;
        // a public key's SubjectPublicKeyInfo reads "…AAOC" instead.
        $pkcs8 = /MII[A-Za-z0-9+\/]{1,3}IBADANBgkqhkiG9w0BAQEFAASC[A-Za-z0-9+\/]{60}/ ascii wide
        $pkcs1 = /MII[A-Za-z0-9+\/]{2}IBAAK[BC][A-Za-z0-9+\/]{60}/ ascii wide
    condition:
        any of them
}

rule secret_cloud_access_key
{
    meta:
        id = "SEC-SECRET-001"
        signal = "secret"
        description = "AWS (AKIA…) and Alibaba Cloud (LTAI…) access key ids"
        sample = "samples/sec-storage-secret.apk"
    strings:
        $aws = /AKIA[0-9A-Z]{16}/ ascii wide
        $aliyun = /LTAI[0-9A-Za-z]{12,20}/ ascii wide
    condition:
        any of them
}

rule secret_jwt
{
    meta:
        id = "SEC-SECRET-001"
        signal = "secret"
        description = "A signed JSON Web Token"
        sample = "samples/sec-storage-secret.apk"
    strings:
        $jwt = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}/ ascii wide
    condition:
        any of them
}

rule secret_config_password
{
    meta:
        id = "SEC-SECRET-001"
        signal = "secret_config"
        description = "password= / secret= with a value, for config assets only"
        sample = "samples/sec-storage-secret.apk"
    strings:
        $kv = /(password|passwd|pwd|secret|secret_?key|access_?key_?secret)["']?[ \t]*[:=][ \t]*["']?[^ \t\r\n"'<>,;&]{4,}/ nocase ascii wide
    condition:
        // Not dex (dex strings are read by the analyzer) or ELF.
        uint32(0) != 0x0a786564 and uint32(0) != 0x464c457f and $kv
}
