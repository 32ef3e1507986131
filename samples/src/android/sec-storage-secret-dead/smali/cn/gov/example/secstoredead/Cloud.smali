# Credentials for a cloud client, returned as an array: an AWS access key id,
# an Alibaba Cloud AccessKey id, a signed JWT and a base64 PKCS#8 RSA private
# key. Not secrets, for precision: a public key (SubjectPublicKeyInfo), and
# the documentation placeholders AKIAIOSFODNN7EXAMPLE and LTAIxxxxxxxxxxxx.
.class public final Lcn/gov/example/secstoredead/Cloud;
.super Ljava/lang/Object;
.source "Cloud.java"


.method private constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static keys()[Ljava/lang/String;
    .locals 3

    const/4 v0, 0x7
    new-array v0, v0, [Ljava/lang/String;

    const/4 v1, 0x0
    const-string v2, "AKIA2F7Q4L9XW3NB6K8D"
    aput-object v2, v0, v1

    const/4 v1, 0x1
    const-string v2, "LTAI5tRk8Jq3NwZp7VxY2mHd"
    aput-object v2, v0, v1

    const/4 v1, 0x2
    const-string v2, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJnb3YtYXBwLXNlcnZpY2UiLCJyb2xlIjoidXBsb2FkZXIiLCJpYXQiOjE3MDAwMDAwMDB9.IRwx6RGTe0rpjgvgYhA4_rdvg8gEzE_wiK-_BnwFoZc"
    aput-object v2, v0, v1

    const/4 v1, 0x3
    const-string v2, "MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBALBPA5rMnoA43tuvIqy5/sSJFlQlBMGZKfCUzXFBprSIb6KEgQiFgNUpTgAp77bDQtPrUTgeXyDZBCEhMzAdOl8GxB/Y+c7sS3xCkvLL0Y3ALJKz17BjYq5r8k20N+Ybr/nODEnhmIzntUe9z41CVm6j/35bx5ahX4RYzp4prMwPAgMBAAECgYBJ9ku30+EmPzVWiYkNVtWG00+XqxPst3k9oN7yhS0PDTFvxxBuZ7sdMT+0l+MlE5LkXhJrbWpQ2FmAIHJd29URN+lreI965MXtIdxBCdUuL0MeitvgM9tGs7BELdDDzxKHNYLKiEbxiO04g1UBTdEvrACR92l6fiH+wz7IM8HISQJBANtQEf9qdqXWef+J3ePm6Uxb/VVRgBnSnBQ1k358bENMH5SEPVbWepVzU3coHizKDspPCumZ6qMgv3pi4QzqsXMCQQDNzVHLttlgU3OChHWfjh+hLWlHmHBCdCQxcIFHYytoM9JA9kSy5Tb7U/7nj4HBW93QZOhJUMlIA+5Ndto5aOP1AkEA1Rk4Y7ZPE1UTtfmAYbI9frTjs8M9ddnvTrPAXWcIy1tsVCMqdvZwpkcpEt8octzjAjFLqTCljVyEsabihmqFgQJBAJjDao8DuFG3QEvGlSUNs07JzZc2gUXivibwsxXReBwOM2jDJPWCDZD7pYAvVwq3bWxOKtqZG//X4yEfMxdgU60CQQDUOAC0xKvAR+w6t+3rsG1TYeTS1KHswHdlQMuIRhtfln+r37Tb6mul2QefW23Wt6MdoM2pEoziEnML+JlIwefU"
    aput-object v2, v0, v1

    const/4 v1, 0x4
    const-string v2, "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwuPdMbxs5fH68xF9XD1fs6SFWlo0nHHEZ8eKGFfLLay3kGXnLocULzczt13Uthw4loy+/qp27GtXpxN0pKEKz7U2v9DUJ1o8mWPJOH73WMJnA0yDBuScVSNziu42nwSbFZvB+eYx07r1CVs9gAX87cSiDDd6iFteV/3D1I0QrzsLADSR5kuNi+VK5P/Ptz2vBHncejaWQve8VviO/B6X0497ypxXmlfKbuE9Upz9T6zivQvrroOJO+h1K6HLW55A1dPAOWwWSOGMME0vskevU8U4jsp1AVMhL0TdQho78O7cOjiq0j9L10qm0k5rmymXhBZShe5UdJmD565ym5osPQIDAQAB"
    aput-object v2, v0, v1

    const/4 v1, 0x5
    const-string v2, "AKIAIOSFODNN7EXAMPLE"
    aput-object v2, v0, v1

    const/4 v1, 0x6
    const-string v2, "LTAIxxxxxxxxxxxx"
    aput-object v2, v0, v1

    return-object v0
.end method
