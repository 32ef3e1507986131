/*
 * Stand-in for the request objects of Tencent's WechatOpenSDK (微信开放平台), written for the
 * Fingertip samples: only the class, property and constant names match the real SDK.
 */
#import <Foundation/Foundation.h>

enum WXScene {
    WXSceneSession = 0,  /* a chat */
    WXSceneTimeline = 1, /* 朋友圈 (Moments) */
    WXSceneFavorite = 2,
};

@interface BaseReq : NSObject
@property (nonatomic, assign) int type;
@property (nonatomic, copy) NSString *openID;
@end

@interface SendMessageToWXReq : BaseReq
@property (nonatomic, copy) NSString *text;
@property (nonatomic, assign) BOOL bText;
@property (nonatomic, assign) int scene;
@end
