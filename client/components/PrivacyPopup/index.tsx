import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { answerPrivacy, onPrivacyQuestion, openPrivacyContract, PRIVACY_AGREE_BUTTON_ID } from '../../services/privacy';
import './index.css';

/** Our answer to onNeedPrivacyAuthorization (weapp): what we collect, agree or refuse. */
export default function PrivacyPopup() {
  const [asking, setAsking] = useState(false);
  useEffect(() => onPrivacyQuestion(setAsking), []);
  if (!asking) return null;
  return (
    <View className="privacy-popup" catchMove>
      <View className="privacy-popup__card">
        <Text className="privacy-popup__title">用户隐私保护提示</Text>
        <Text className="privacy-popup__text">
          为了查找附近的工作站、标注问题位置、上传现场照片和绑定手机号，我们需要您同意
        </Text>
        <Text className="privacy-popup__link" onClick={openPrivacyContract}>
          《城管进社区隐私保护指引》
        </Text>
        <View className="privacy-popup__actions">
          <Button className="privacy-popup__button" onClick={() => answerPrivacy(false)}>
            拒绝
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-popup__button privacy-popup__button--agree"
            openType={'agreePrivacyAuthorization' as 'share'}
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
