"""Which classes are the app's own: neither a library every app bundles nor a known SDK.

Shell detection counts them (ZOMB-SHELL-001), placeholder endpoints are looked for in them
(ZOMB-PLACEHOLDER-001), and duplicate clustering sketches them (scanner/cluster): one list, so
the three agree on what "own code" is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# Libraries every app carries (platform, language runtimes, common open-source stacks and
# frameworks); the SDK table covers the third-party SDKs.
LIBRARY_ROOTS = (
    "Landroid/",
    "Landroidx/",
    "Lkotlin/",
    "Lkotlinx/",
    "Ljava/",
    "Ljavax/",
    "Lcom/google/",
    "Lorg/",
    "Lokhttp3/",
    "Lokio/",
    "Lretrofit2/",
    "Lcom/squareup/",
    "Lio/reactivex/",
    "Lcom/bumptech/",
    "Lcom/alibaba/",
    "Lcom/tencent/",
    "Lcom/baidu/",
    "Lcom/amap/",
    "Lio/dcloud/",
    "Lcom/uzmap/",
    "Ldagger/",
    "Lbutterknife/",
    "Lcom/facebook/",
    "Lcom/airbnb/",
    "Lcom/blankj/",
    "Lorg/greenrobot/",
    "Lio/flutter/",
    "Lcom/swmansion/",
)


def own_classes(classes: Iterable[str], sdk_owner: Callable[[str], object | None]) -> list[str]:
    """The descriptors in `classes` that are the app's own. `sdk_owner` is the SDK table's
    lookup; it is asked once per package folder (its prefixes are many, an app's folders few)."""
    verdict: dict[str, bool] = {}
    out = []
    for cls in classes:
        if cls.startswith(LIBRARY_ROOTS):
            continue
        folder = cls.rsplit("/", 1)[0]
        own_folder = verdict.get(folder)
        if own_folder is None:
            own_folder = verdict[folder] = sdk_owner(folder + "/X;") is None
        if own_folder:
            out.append(cls)
    return out
