// Packer stubs recognised from the classes they leave in the (outer) dex: signals for
// SEC-PACK-001. File-name signals (libjiagu.so, assets/ijiami.dat …) live in
// signatures/data/packers.json. Sources: DOMAIN.md SEC-PACK-001, after APKiD's packer rules.

rule packer_360_jiagu_stub
{
    meta:
        id = "SEC-PACK-001"
        signal = "packer"
        packer = "Qihoo 360 Jiagu (360加固)"
        sample = "samples/fingertip-packed.apk"
    strings:
        $stub = "Lcom/stub/StubApp;"
    condition:
        uint32(0) == 0x0a786564 and $stub
}

rule packer_tencent_legu_stub
{
    meta:
        id = "SEC-PACK-001"
        signal = "packer"
        packer = "Tencent Legu (腾讯乐固)"
        sample = ""
    strings:
        $stub = "Lcom/tencent/StubShell/"
    condition:
        uint32(0) == 0x0a786564 and $stub
}

rule packer_netease_wrapper_stub
{
    meta:
        id = "SEC-PACK-001"
        signal = "packer"
        packer = "NetEase Yidun (网易易盾)"
        sample = ""
    strings:
        $stub = "Lcom/netease/nis/wrapper/"
    condition:
        uint32(0) == 0x0a786564 and $stub
}
