# DEAD CODE: the same helper as in priv-apis, but no class in this app
# references it (no invoke, no const-class, no reflection): unreachable.
# Camera and microphone: opens the back camera (android.hardware.Camera.open())
# and releases it, then records a moment of audio
# (new AudioRecord(MIC, 44100, CHANNEL_IN_MONO, ENCODING_PCM_16BIT, minBuffer)
# -> startRecording -> stop -> release). Any failure (no camera, permission
# denied, bad buffer size) is a RuntimeException and is skipped.
.class public final Lcn/gov/example/privapisdead/Recorder;
.super Ljava/lang/Object;
.source "Recorder.java"


# direct methods
.method private constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static start()V
    .locals 6

    :try_start_0
    invoke-static {}, Landroid/hardware/Camera;->open()Landroid/hardware/Camera;
    move-result-object v0
    if-eqz v0, :mic
    invoke-virtual {v0}, Landroid/hardware/Camera;->release()V
    :try_end_0
    .catch Ljava/lang/RuntimeException; {:try_start_0 .. :try_end_0} :catch_0

    :mic
    const v2, 0xac44    # 44100 Hz
    const/16 v3, 0x10    # AudioFormat.CHANNEL_IN_MONO
    const/4 v4, 0x2    # AudioFormat.ENCODING_PCM_16BIT
    invoke-static {v2, v3, v4}, Landroid/media/AudioRecord;->getMinBufferSize(III)I
    move-result v5

    # The constructor takes six registers (this + five ints): /range form.
    :try_start_1
    new-instance v0, Landroid/media/AudioRecord;
    const/4 v1, 0x1    # MediaRecorder.AudioSource.MIC
    invoke-direct/range {v0 .. v5}, Landroid/media/AudioRecord;-><init>(IIIII)V
    invoke-virtual {v0}, Landroid/media/AudioRecord;->startRecording()V
    invoke-virtual {v0}, Landroid/media/AudioRecord;->stop()V
    invoke-virtual {v0}, Landroid/media/AudioRecord;->release()V
    :try_end_1
    .catch Ljava/lang/RuntimeException; {:try_start_1 .. :try_end_1} :catch_1

    return-void

    :catch_0
    move-exception v0
    goto :mic

    :catch_1
    move-exception v0

    return-void
.end method
