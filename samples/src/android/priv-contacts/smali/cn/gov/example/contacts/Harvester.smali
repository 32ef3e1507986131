# Personal data read through the ContentResolver, one static method per
# provider: the URI is obtained in the method itself (a static CONTENT_URI
# field or Uri.parse of a literal), passed to ContentResolver.query with no
# projection, selection or sort order, and the cursor's row count is returned
# after the cursor is closed (0 when query returns null).
.class public final Lcn/gov/example/contacts/Harvester;
.super Ljava/lang/Object;
.source "Harvester.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

# Contacts: ContactsContract.Contacts.CONTENT_URI.
.method public static contacts(Landroid/content/Context;)I
    .locals 6

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    sget-object v1, Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;
    const/4 v2, 0x0
    const/4 v3, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v0
    if-eqz v0, :none

    invoke-interface {v0}, Landroid/database/Cursor;->getCount()I
    move-result v1
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    return v1

    :none
    const/4 v1, 0x0

    return v1
.end method

# SMS inbox: Uri.parse("content://sms/inbox"), the literal as apps commonly
# write it, not Telephony.Sms.Inbox.CONTENT_URI.
.method public static sms(Landroid/content/Context;)I
    .locals 6

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "content://sms/inbox"
    invoke-static {v1}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;
    move-result-object v1
    const/4 v2, 0x0
    const/4 v3, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v0
    if-eqz v0, :none

    invoke-interface {v0}, Landroid/database/Cursor;->getCount()I
    move-result v1
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    return v1

    :none
    const/4 v1, 0x0

    return v1
.end method

# Call log: CallLog.Calls.CONTENT_URI.
.method public static calls(Landroid/content/Context;)I
    .locals 6

    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    sget-object v1, Landroid/provider/CallLog$Calls;->CONTENT_URI:Landroid/net/Uri;
    const/4 v2, 0x0
    const/4 v3, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v0
    if-eqz v0, :none

    invoke-interface {v0}, Landroid/database/Cursor;->getCount()I
    move-result v1
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    return v1

    :none
    const/4 v1, 0x0

    return v1
.end method
