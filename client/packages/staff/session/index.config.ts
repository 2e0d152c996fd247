export default definePageConfig({
  navigationBarTitleText: '签到与名单',
  enablePullDownRefresh: true,
});
