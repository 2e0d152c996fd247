import { Text, View } from '@tarojs/components';
import Screen from '../../../components/Screen';
import { openPrivacyContract } from '../../../services/privacy';
import './index.css';

const ITEMS: Array<{ title: string; body: string }> = [
  { title: '位置信息', body: '用于查找离您最近的城管工作站和临时摊位区，以及标注您反映问题的位置。只在您使用这些功能时获取，不在后台定位。' },
  { title: '照片', body: '您随手拍上传的照片只给处理该问题的工作人员查看。照片上传前在手机上压缩，服务器保存时去除拍摄地点等附加信息。' },
  { title: '手机号', body: '仅在您主动绑定时获取，用于工作人员联系您；其他人看到的是打码后的号码（如 138****1234）。' },
  { title: '匿名反映', body: '选择匿名后，工作人员也看不到您的姓名和电话。' },
  {
    title: '其他居民看到什么',
    body: '选择“我也遇到”的邻居只能看到问题类型、处理状态、大致位置（约 100 米）和工作人员的公开回复；问题描述只在您允许时公开，照片、详细地址和您的身份从不公开。',
  },
  { title: '您的权利', body: '您可以随时退出登录；在“我的 › 我的数据”导出我们保存的您的全部数据（JSON 文件），或注销账号：个人信息和照片删除，您反映过的问题匿名保留，用于统计。' },
];

/** What we collect, why, and who sees it. */
export default function PrivacyPage() {
  return (
    <Screen testId="privacy-page">
      <View className="section gap-top">
        {ITEMS.map((item) => (
          <View key={item.title} className="privacy__item">
            <Text className="privacy__title">{item.title}</Text>
            <Text className="privacy__body">{item.body}</Text>
          </View>
        ))}
        {process.env.TARO_ENV === 'weapp' && (
          <Text className="privacy__link" onClick={openPrivacyContract}>
            查看《城管进社区隐私保护指引》
          </Text>
        )}
      </View>
    </Screen>
  );
}
