export default definePageConfig({
  navigationBarTitleText: '案件队列',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
